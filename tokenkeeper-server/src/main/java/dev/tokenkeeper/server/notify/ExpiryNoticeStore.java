package dev.tokenkeeper.server.notify;

import java.time.Instant;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExpiryNoticeStore {

	private final JdbcClient jdbc;

	ExpiryNoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the notice: {@code true} for the one caller (on any node) that may send it. Run it in
	 * a transaction of its own: on PostgreSQL a failed insert ends the transaction.
	 */
	boolean claim(String tokenId, int thresholdDays, Instant expiryDate, Instant now) {
		try {
			this.jdbc.sql("""
					INSERT INTO expiry_notice (token_id, threshold_days, expiry_date, sent_date)
					VALUES (:tokenId, :threshold, :expiry, :now)
					""")
				.param("tokenId", tokenId)
				.param("threshold", thresholdDays)
				.param("expiry", expiryDate.toEpochMilli())
				.param("now", now.toEpochMilli())
				.update();
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			// Claimed already (here or on another node), or the token was deleted meanwhile.
			return false;
		}
	}

	/** Gives a claimed notice back, when it could not be sent, so that the next scan tries again. */
	void release(String tokenId, int thresholdDays, Instant expiryDate) {
		this.jdbc.sql("""
				DELETE FROM expiry_notice
				 WHERE token_id = :tokenId AND threshold_days = :threshold AND expiry_date = :expiry
				""")
			.param("tokenId", tokenId)
			.param("threshold", thresholdDays)
			.param("expiry", expiryDate.toEpochMilli())
			.update();
	}

}
