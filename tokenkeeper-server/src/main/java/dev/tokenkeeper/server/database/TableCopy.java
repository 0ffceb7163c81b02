package dev.tokenkeeper.server.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Copies every table of a Tokenkeeper database on H2 into an empty one on PostgreSQL at the same
 * schema version, in one transaction: parents before children, every column, then identity
 * sequences moved past the copied ids. Refuses (changing nothing) when the schema versions
 * differ, when a table or column exists on one side only, or when the target holds any row.
 */
final class TableCopy {

	static final String SCHEMA_HISTORY = "flyway_schema_history";

	private static final int BATCH_SIZE = 500;

	private final Connection source;

	private final Connection target;

	TableCopy(Connection source, Connection target) {
		this.source = source;
		this.target = target;
	}

	/** @return the rows copied, by table, in the order they were copied */
	Map<String, Long> copy() throws SQLException {
		String sourceVersion = schemaVersion(this.source);
		String targetVersion = schemaVersion(this.target);
		if (!sourceVersion.equals(targetVersion)) {
			throw new ImportException("The H2 database is at schema version " + sourceVersion + ", this server at "
					+ targetVersion + ". Start this version of Tokenkeeper once on the H2 data directory, so that"
					+ " it upgrades it, stop it, and import again.");
		}
		List<String> tables = parentsFirst(tables(this.target));
		Set<String> sourceTables = new LinkedHashSet<>(tables(this.source));
		if (!sourceTables.equals(new LinkedHashSet<>(tables))) {
			throw new ImportException("The two databases have different tables: " + sourceTables + " and " + tables);
		}
		for (String table : tables) {
			if (count(this.target, table) > 0) {
				throw new ImportException("The target database is not empty (table " + table + " has rows); import only"
						+ " into a new, empty database.");
			}
		}
		boolean autoCommit = this.target.getAutoCommit();
		this.target.setAutoCommit(false);
		try {
			Map<String, Long> copied = new LinkedHashMap<>();
			for (String table : tables) {
				copied.put(table, copyTable(table));
				moveIdentityPastCopiedRows(table);
			}
			for (String table : tables) {
				if (count(this.target, table) != count(this.source, table)) {
					throw new ImportException("Table " + table + " did not copy completely; nothing was imported.");
				}
			}
			this.target.commit();
			return copied;
		}
		catch (SQLException | RuntimeException ex) {
			this.target.rollback();
			throw ex;
		}
		finally {
			this.target.setAutoCommit(autoCommit);
		}
	}

	private long copyTable(String table) throws SQLException {
		List<String> columns = columns(this.target, table);
		if (!new LinkedHashSet<>(columns(this.source, table)).equals(new LinkedHashSet<>(columns))) {
			throw new ImportException("Table " + table + " has different columns in the two databases.");
		}
		int[] types = columnTypes(this.target, table, columns);
		String columnList = String.join(", ", columns);
		String placeholders = String.join(", ", columns.stream().map(column -> "?").toList());
		long rows = 0;
		try (Statement select = this.source.createStatement();
				ResultSet rs = select.executeQuery("SELECT " + columnList + " FROM " + table);
				PreparedStatement insert = this.target
					.prepareStatement("INSERT INTO " + table + " (" + columnList + ") VALUES (" + placeholders + ")")) {
			while (rs.next()) {
				for (int i = 0; i < columns.size(); i++) {
					Object value = rs.getObject(i + 1);
					if (value == null) {
						insert.setNull(i + 1, types[i]);
					}
					else {
						insert.setObject(i + 1, value);
					}
				}
				insert.addBatch();
				if (++rows % BATCH_SIZE == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
		return rows;
	}

	/** Identity columns keep generating ids after the highest copied one. */
	private void moveIdentityPastCopiedRows(String table) throws SQLException {
		List<String> identities = new ArrayList<>();
		try (PreparedStatement statement = this.target.prepareStatement("""
				SELECT column_name FROM information_schema.columns
				 WHERE table_schema = current_schema() AND table_name = ? AND is_identity = 'YES'
				""")) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					identities.add(rs.getString(1));
				}
			}
		}
		for (String column : identities) {
			try (PreparedStatement statement = this.target.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), "
					+ "COALESCE((SELECT MAX(" + column + ") FROM " + table + "), 0) + 1, false)")) {
				statement.setString(1, table);
				statement.setString(2, column);
				statement.execute();
			}
		}
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT version FROM " + SCHEMA_HISTORY
						+ " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC")) {
			if (!rs.next()) {
				throw new ImportException("A database has no Tokenkeeper schema.");
			}
			return rs.getString(1);
		}
	}

	/** The application's tables (not Flyway's), lower case. */
	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = connection.getMetaData()
			.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE", "BASE TABLE" })) {
			while (rs.next()) {
				String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (!table.equals(SCHEMA_HISTORY)) {
					tables.add(table);
				}
			}
		}
		return tables;
	}

	/** The tables ordered so that every table comes after the tables its foreign keys point at. */
	private List<String> parentsFirst(List<String> tables) throws SQLException {
		DatabaseMetaData metaData = this.target.getMetaData();
		Map<String, Set<String>> parents = new LinkedHashMap<>();
		for (String table : tables) {
			Set<String> references = new LinkedHashSet<>();
			try (ResultSet rs = metaData.getImportedKeys(this.target.getCatalog(), this.target.getSchema(), table)) {
				while (rs.next()) {
					String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
					if (!parent.equals(table)) {
						references.add(parent);
					}
				}
			}
			parents.put(table, references);
		}
		List<String> ordered = new ArrayList<>();
		while (ordered.size() < tables.size()) {
			boolean progress = false;
			for (String table : tables) {
				if (!ordered.contains(table) && ordered.containsAll(parents.get(table))) {
					ordered.add(table);
					progress = true;
				}
			}
			if (!progress) {
				throw new ImportException("The tables' foreign keys form a cycle: " + parents);
			}
		}
		return ordered;
	}

	private static List<String> columns(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
			ResultSetMetaData metaData = rs.getMetaData();
			List<String> columns = new ArrayList<>();
			for (int i = 1; i <= metaData.getColumnCount(); i++) {
				columns.add(metaData.getColumnName(i).toLowerCase(Locale.ROOT));
			}
			return columns;
		}
	}

	private static int[] columnTypes(Connection connection, String table, List<String> columns) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table + " WHERE 1 = 0")) {
			int[] types = new int[columns.size()];
			for (int i = 0; i < types.length; i++) {
				types[i] = rs.getMetaData().getColumnType(i + 1);
			}
			return types;
		}
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Why an import was refused; nothing was changed. */
	static final class ImportException extends RuntimeException {

		ImportException(String message) {
			super(message);
		}

	}

}
