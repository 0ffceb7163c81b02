package dev.tokenkeeper.server.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The databases Tokenkeeper runs on. The SQL is one portable set; this is the one place that
 * tells them apart, for the few things that truly differ (how nodes hear of each other's changes).
 */
public enum Database {

	/** The embedded default: one server, a file under the data directory. */
	H2,

	/** Production: one database that several stateless server nodes may share. */
	POSTGRESQL;

	/** The database behind this data source, as its JDBC driver names it. */
	public static Database of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return ofProductName(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Cannot connect to the database to find out what it is", ex);
		}
	}

	static Database ofProductName(String productName) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgresql")) {
			return POSTGRESQL;
		}
		if (name.contains("h2")) {
			return H2;
		}
		throw new IllegalStateException("Tokenkeeper runs on H2 or PostgreSQL, not on " + productName);
	}

	/** The value of {@code tokenkeeper.database} that names this database. */
	public String propertyValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
