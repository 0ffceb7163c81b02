package dev.tokenkeeper.server.token;

import java.time.Instant;

import dev.tokenkeeper.server.token.TokenAuthenticator.AuthenticatedToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token as a request that it authenticated shows it. */
class AuthenticatedTokenTests {

	private static final Instant CREATED = Instant.ofEpochMilli(1610525968583L);

	@Test
	void asUsedWhenVerifiedThenLastAuthenticatedByThatVerificationToTheMillisecond() {
		Instant verified = CREATED.plusSeconds(60).plusNanos(123_456_789);
		Instant recorded = CREATED.plusSeconds(60).plusMillis(123);
		AccessToken neverUsed = AccessTokenTests.token(null);
		AccessToken usedBefore = neverUsed.withLastAuthenticated(recorded.minusMillis(1));

		assertThat(new AuthenticatedToken(neverUsed, null, null, verified).asUsed())
			.isEqualTo(neverUsed.withLastAuthenticated(recorded));
		assertThat(new AuthenticatedToken(usedBefore, null, null, verified).asUsed())
			.isEqualTo(neverUsed.withLastAuthenticated(recorded));
	}

	@Test
	void asUsedWhenTheSameOrALaterUseIsStoredThenTheTokenAsStored() {
		Instant verified = CREATED.plusSeconds(60).plusNanos(123_456_789);
		AccessToken token = AccessTokenTests.token(null);
		AccessToken sameMillisecond = token.withLastAuthenticated(CREATED.plusSeconds(60).plusMillis(123));
		AccessToken later = token.withLastAuthenticated(CREATED.plusSeconds(61));

		assertThat(new AuthenticatedToken(sameMillisecond, null, null, verified).asUsed()).isSameAs(sameMillisecond);
		assertThat(new AuthenticatedToken(later, null, null, verified).asUsed()).isSameAs(later);
	}

}
