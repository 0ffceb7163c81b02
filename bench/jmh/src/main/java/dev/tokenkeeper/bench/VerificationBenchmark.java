package dev.tokenkeeper.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.tokenkeeper.server.cluster.SingleNodeCaches;
import dev.tokenkeeper.server.token.TokenHashes;
import dev.tokenkeeper.server.token.TokenSecrets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Token verification as the server does it warm (parse the raw token, find its stored hash by
 * id in the verification cache, hash the presented bytes, compare in constant time) against the
 * physical floor: a bare SHA-256 of the same bytes. The cache is built by the server's own code
 * with its default size and age and the server's ticker, so it expires entries and reads the time
 * on every lookup as the server's does; its entries hold the stored hash itself, where the server's
 * hold a cached token with its own reference to it (one object more).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerificationBenchmark {

	/** The server's default size and age of the verification cache (TokenProperties). */
	private static final long CACHE_MAX_SIZE = 100_000;

	private static final Duration CACHE_MAX_AGE = Duration.ofMinutes(5);

	/** 10,000 distinct tokens as in the HTTP benchmark; 1 shows the cost with everything in the CPU cache. */
	@Param({ "10000", "1" })
	private int tokens;

	private String[] raw;

	private byte[][] payloads;

	private byte[][] storedHashes;

	private byte[][] presentedHashes;

	/** The number each token's id is: the server's cache key, boxed afresh for each lookup as there. */
	private long[] ids;

	private LoadingCache<Long, byte[]> serverCache;

	/** The stored hashes by id: what the caches load, should a run outlast half their age. */
	private final Map<Long, byte[]> stored = new HashMap<>();

	/** The same entries in a loading cache without expiry: what reading the time and expiring cost. */
	private final LoadingCache<Long, byte[]> plainCache = Caffeine.newBuilder()
		.maximumSize(CACHE_MAX_SIZE)
		.build(this.stored::get);

	private MessageDigest sha256;

	private int next;

	@Setup
	public void createTokens() throws NoSuchAlgorithmException {
		this.sha256 = MessageDigest.getInstance("SHA-256");
		this.serverCache = SingleNodeCaches.create()
			.newLoadingCache("tokens", CACHE_MAX_SIZE, CACHE_MAX_AGE, Long::valueOf, this.stored::get,
					ids -> ids.stream().collect(Collectors.toMap(Function.identity(), this.stored::get)));
		this.raw = new String[this.tokens];
		this.payloads = new byte[this.tokens][];
		this.storedHashes = new byte[this.tokens][];
		this.presentedHashes = new byte[this.tokens][];
		this.ids = new long[this.tokens];
		TokenSecrets secrets = new TokenSecrets(new SecureRandom(), "BBDC-");
		for (int i = 0; i < this.tokens; i++) {
			String id = secrets.newId();
			TokenSecrets.NewSecret secret = secrets.newSecret(id);
			this.raw[i] = secret.rawToken();
			this.payloads[i] = Base64.getDecoder().decode(secret.rawToken().substring(5));
			this.storedHashes[i] = secret.hash();
			this.presentedHashes[i] = secret.hash().clone();
			this.ids[i] = Long.parseLong(id);
			this.stored.put(this.ids[i], secret.hash());
			this.serverCache.put(this.ids[i], secret.hash());
			this.plainCache.put(this.ids[i], secret.hash());
		}
	}

	/** The index of the next token: round robin, so that 10,000 tokens do not stay in the CPU cache. */
	private int nextIndex() {
		int index = this.next;
		this.next = (index + 1 == this.tokens) ? 0 : index + 1;
		return index;
	}

	@Benchmark
	public boolean verify() {
		TokenSecrets.PresentedToken presented = TokenSecrets.parse(this.raw[nextIndex()]).orElseThrow();
		return presented.matches(this.serverCache.get(presented.idNumber()));
	}

	/** The first step alone: decode the raw token and check its form. */
	@Benchmark
	public Object parseOnly() {
		return TokenSecrets.parse(this.raw[nextIndex()]).orElseThrow();
	}

	/** The second step alone: find the stored hash by id in the server's cache. */
	@Benchmark
	public byte[] lookupOnly() {
		return this.serverCache.get(Long.valueOf(this.ids[nextIndex()]));
	}

	/** The second step in a cache that never expires: the difference is reading the time and expiry. */
	@Benchmark
	public byte[] lookupInPlainCache() {
		return this.plainCache.get(Long.valueOf(this.ids[nextIndex()]));
	}

	/** The last step alone: the server's constant-time comparison, of a presented hash with its stored copy. */
	@Benchmark
	public boolean compareOnly() {
		int index = nextIndex();
		return TokenHashes.same(this.presentedHashes[index], this.storedHashes[index]);
	}

	/**
	 * The last step as it was done before: the JDK's constant-time comparison, which reads a byte
	 * at a time.
	 */
	@Benchmark
	public boolean compareWithJdk() {
		int index = nextIndex();
		return MessageDigest.isEqual(this.presentedHashes[index], this.storedHashes[index]);
	}

	/** The floor: one reused digest, nothing else. */
	@Benchmark
	public byte[] bareSha256() {
		return this.sha256.digest(this.payloads[nextIndex()]);
	}

}
