package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;

import dev.tokenkeeper.server.permission.TokenPermissions;
import dev.tokenkeeper.server.permission.ResourcePermission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expiry arithmetic: whole 24-hour days, expired from the expiry instant on. */
class AccessTokenTests {

	private static final Instant CREATED = Instant.ofEpochMilli(1610525968583L);

	@Test
	void expiryDateWhenNinetyDaysThenMatchesTheContractExample() {
		// createdDate and expiryDate of the token object in the contract
		assertThat(AccessToken.expiryDate(CREATED, 90)).isEqualTo(Instant.ofEpochMilli(1618301968583L));
	}

	@Test
	void expiryDateWhenAddingDaysThenExactlyDaysTimes24Hours() {
		// 2021-03-28 is a daylight saving change in Europe: days are still 24 hours on the wire
		Instant start = Instant.parse("2021-03-27T12:34:56.789Z");

		assertThat(AccessToken.expiryDate(start, 1)).isEqualTo(Instant.parse("2021-03-28T12:34:56.789Z"));
		assertThat(AccessToken.expiryDate(start, 365))
			.isEqualTo(Instant.ofEpochMilli(start.toEpochMilli() + 365L * 24 * 60 * 60 * 1000));
		assertThat(AccessToken.expiryDate(start, 100_000))
			.isEqualTo(Instant.ofEpochMilli(start.toEpochMilli() + 100_000L * 86_400_000L));
	}

	@Test
	void isExpiredAtWhenOneMillisecondBeforeExpiryThenNotExpired() {
		AccessToken token = token(AccessToken.expiryDate(CREATED, 90));

		assertThat(token.isExpiredAt(Instant.ofEpochMilli(1618301968582L))).isFalse();
		assertThat(token.isExpiredAt(CREATED)).isFalse();
	}

	@Test
	void isExpiredAtWhenAtOrAfterExpiryThenExpired() {
		Instant expiry = AccessToken.expiryDate(CREATED, 90);
		AccessToken token = token(expiry);

		assertThat(token.isExpiredAt(expiry)).isTrue();
		assertThat(token.isExpiredAt(expiry.plusNanos(1))).isTrue();
		assertThat(token.isExpiredAt(expiry.plusMillis(1))).isTrue();
		assertThat(token.isExpiredAt(expiry.plus(Duration.ofDays(3650)))).isTrue();
	}

	@Test
	void isExpiredAtWhenTokenHasNoExpiryThenNeverExpires() {
		AccessToken token = token(null);

		assertThat(token.isExpiredAt(CREATED)).isFalse();
		assertThat(token.isExpiredAt(Instant.MAX)).isFalse();
	}

	@Test
	void withLastAuthenticatedWhenCalledThenOnlyLastAuthenticatedChanges() {
		AccessToken token = token(AccessToken.expiryDate(CREATED, 90));
		Instant used = CREATED.plusSeconds(60);

		AccessToken updated = token.withLastAuthenticated(used);

		assertThat(updated.lastAuthenticated()).isEqualTo(used);
		assertThat(updated).usingRecursiveComparison().ignoringFields("lastAuthenticated").isEqualTo(token);
		assertThat(token.lastAuthenticated()).isNull();
	}

	@Test
	void toStringWhenCalledThenLeavesTheSecretHashOut() {
		AccessToken token = token(null);

		assertThat(token.toString()).contains("075905477751").doesNotContain("secretHash").doesNotContain("[B@");
	}

	static AccessToken token(Instant expiryDate) {
		return new AccessToken("075905477751", TokenOwner.user(52), 52, "access token name",
				new TokenPermissions(ResourcePermission.REPO_ADMIN, ResourcePermission.PROJECT_READ), CREATED,
				(expiryDate != null) ? 90 : null, expiryDate, null, SecretHashes.of(new byte[32]));
	}

}
