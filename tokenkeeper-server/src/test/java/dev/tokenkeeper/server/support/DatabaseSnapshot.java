package dev.tokenkeeper.server.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Every row of every table, as text, to compare the database before and after something that
 * must change nothing. Tables and columns that change by design while the server runs are left
 * out by name.
 */
public final class DatabaseSnapshot {

	/** Flyway's own bookkeeping, and the audit log (which records refused requests on purpose). */
	public static final Set<String> IGNORED_TABLES = Set.of("flyway_schema_history", "audit_event");

	private DatabaseSnapshot() {
	}

	/**
	 * @param ignoredColumns per table, columns whose values are not compared
	 * @return per table, its rows (sorted) as {@code column=value} lists
	 */
	public static Map<String, List<String>> take(DataSource dataSource, Map<String, Set<String>> ignoredColumns) {
		return take(dataSource, Set.of(), ignoredColumns);
	}

	/**
	 * @param ignoredTables tables left out besides {@link #IGNORED_TABLES}
	 * @param ignoredColumns per table, columns whose values are not compared
	 * @return per table, its rows (sorted) as {@code column=value} lists
	 */
	public static Map<String, List<String>> take(DataSource dataSource, Set<String> ignoredTables,
			Map<String, Set<String>> ignoredColumns) {
		Map<String, List<String>> tables = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			for (String table : tableNames(connection)) {
				if (!ignoredTables.contains(table)) {
					tables.put(table, rows(connection, table, ignoredColumns.getOrDefault(table, Set.of())));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return tables;
	}

	private static List<String> tableNames(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				String schema = tables.getString("TABLE_SCHEM");
				String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if ("public".equalsIgnoreCase(schema) && !IGNORED_TABLES.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static List<String> rows(Connection connection, String table, Set<String> ignored) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
			ResultSetMetaData meta = result.getMetaData();
			while (result.next()) {
				StringBuilder row = new StringBuilder();
				for (int column = 1; column <= meta.getColumnCount(); column++) {
					String name = meta.getColumnLabel(column).toLowerCase(Locale.ROOT);
					if (ignored.contains(name)) {
						continue;
					}
					Object value = result.getObject(column);
					row.append(name)
						.append('=')
						.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value)
						.append("; ");
				}
				rows.add(row.toString());
			}
		}
		rows.sort(null);
		return rows;
	}

}
