package dev.tokenkeeper.server.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserService;
import dev.tokenkeeper.server.user.UsersById;
import dev.tokenkeeper.server.user.UserType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Verifies user names and passwords. The slow adaptive hash runs once; the success is then
 * remembered under an HMAC of the credentials (with a key that lives only in this process), so a
 * client sending Basic user:password on every call does not cost a bcrypt per request. A
 * remembered success counts only while the user's password hash is unchanged, so a password
 * change or deletion ends it at once; it is forgotten once unused for the configured time. (It
 * used to be forgotten that long after the check, whether used or not: then every request the
 * client had in flight ran bcrypt again at the same moment, see bench/RESULTS.md.)
 */
@Component
class PasswordAuthenticator {

	private final UserService users;

	private final UsersById usersById;

	private final Cache<String, RememberedLogin> recentLogins;

	private final SecretKeySpec cacheKey;

	private final CompletableFuture<String> dummyHash;

	PasswordAuthenticator(UserService users, UsersById usersById, PasswordEncoder passwordEncoder, SecureRandom random,
			SecurityProperties properties, Ticker cacheTicker) {
		this.users = users;
		this.usersById = usersById;
		this.recentLogins = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterAccess(properties.passwordCacheMaxAge())
			.ticker(cacheTicker)
			.build();
		byte[] key = new byte[32];
		random.nextBytes(key);
		this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
		// Unknown users cost the same bcrypt as known ones, so timing does not reveal who exists.
		// Hashed beside the start-up rather than in it.
		this.dummyHash = CompletableFuture.supplyAsync(() -> passwordEncoder.encode("not a real password"));
	}

	Optional<User> authenticate(String username, String password) {
		String key = cacheKey(username, password);
		RememberedLogin remembered = this.recentLogins.getIfPresent(key);
		if (remembered != null) {
			Optional<User> user = this.usersById.find(remembered.userId())
				.filter(u -> u.passwordHash() != null && u.passwordHash().equals(remembered.passwordHash()))
				.filter(User::mayAuthenticate);
			if (user.isPresent()) {
				return user;
			}
			this.recentLogins.invalidate(key);
		}
		Optional<User> user = this.users.findByName(username);
		String hash = user.map(User::passwordHash).orElseGet(this.dummyHash::join);
		boolean matches = this.users.passwordMatches(password, hash);
		if (user.isEmpty() || !matches || !user.get().mayAuthenticate() || user.get().type() != UserType.NORMAL) {
			return Optional.empty();
		}
		this.recentLogins.put(key, new RememberedLogin(user.get().id(), user.get().passwordHash()));
		return user;
	}

	private String cacheKey(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.cacheKey);
			mac.update(username.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is required by every Java platform", ex);
		}
	}

	private record RememberedLogin(long userId, String passwordHash) {
	}

}
