package dev.tokenkeeper.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * id in a Caffeine cache, hash the presented bytes, compare in constant time) against the
 * physical floor: a bare SHA-256 of the same bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerificationBenchmark {

	/** 10,000 distinct tokens as in the HTTP benchmark; 1 shows the cost with everything in the CPU cache. */
	@Param({ "10000", "1" })
	private int tokens;

	private String[] raw;

	private byte[][] payloads;

	private String[] ids;

	private final Cache<String, byte[]> storedHashes = Caffeine.newBuilder().maximumSize(100_000).build();

	private MessageDigest sha256;

	private int next;

	@Setup
	public void createTokens() throws NoSuchAlgorithmException {
		this.sha256 = MessageDigest.getInstance("SHA-256");
		this.raw = new String[this.tokens];
		this.payloads = new byte[this.tokens][];
		this.ids = new String[this.tokens];
		TokenSecrets secrets = new TokenSecrets(new SecureRandom(), "BBDC-");
		for (int i = 0; i < this.tokens; i++) {
			String id = secrets.newId();
			TokenSecrets.NewSecret secret = secrets.newSecret(id);
			this.raw[i] = secret.rawToken();
			this.payloads[i] = Base64.getDecoder().decode(secret.rawToken().substring(5));
			this.storedHashes.put(id, secret.hash());
			this.ids[i] = id;
		}
	}

	@Benchmark
	public boolean verify() {
		String token = this.raw[this.next++ % this.tokens];
		TokenSecrets.PresentedToken presented = TokenSecrets.parse(token).orElseThrow();
		return presented.matches(this.storedHashes.getIfPresent(presented.id()));
	}

	/** The first step alone: decode the raw token and check its form. */
	@Benchmark
	public Object parseOnly() {
		return TokenSecrets.parse(this.raw[this.next++ % this.tokens]).orElseThrow();
	}

	/**
	 * The first step as it was done before: the JDK's decoder on a substring (two copies of the
	 * string before decoding), kept as the reference for {@link #parseOnly}.
	 */
	@Benchmark
	public Object parseWithJdkDecoder() {
		String token = this.raw[this.next++ % this.tokens];
		byte[] payload = Base64.getDecoder().decode(token.substring(token.lastIndexOf('-') + 1));
		if (payload.length != 33 || payload[12] != ':') {
			throw new IllegalStateException();
		}
		for (int i = 0; i < 12; i++) {
			if (payload[i] < '0' || payload[i] > '9') {
				throw new IllegalStateException();
			}
		}
		return new String(payload, 0, 12, StandardCharsets.US_ASCII);
	}

	/** The second step alone: find the stored hash by id. */
	@Benchmark
	public byte[] lookupOnly() {
		return this.storedHashes.getIfPresent(this.ids[this.next++ % this.tokens]);
	}

	/** The floor: one reused digest, nothing else. */
	@Benchmark
	public byte[] bareSha256() {
		return this.sha256.digest(this.payloads[this.next++ % this.tokens]);
	}

}
