package dev.tokenkeeper.server.database;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar tokenkeeper-server.jar import-h2 H2_DATA_DIRECTORY}: moves an embedded
 * installation to PostgreSQL. The target is the database the server would use (the same
 * {@code SPRING_DATASOURCE_*} settings); it must be PostgreSQL and empty. The command brings it
 * to this version's schema with the server's own migrations, then copies every table from the H2
 * database (opened read-only; the server using it must be stopped) in one transaction. Prints
 * what it copied and exits 0, or says why it refused and exits 1, having changed nothing.
 */
public final class H2Import {

	public static final String COMMAND = "import-h2";

	private H2Import() {
	}

	/** Runs the command; {@code args} are the data directory and any {@code --name=value} settings. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		String[] directories = Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toArray(String[]::new);
		if (directories.length != 1) {
			err.println("Usage: java -jar tokenkeeper-server.jar " + COMMAND + " H2_DATA_DIRECTORY"
					+ " (with SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD naming the empty PostgreSQL database)");
			return 1;
		}
		Path database = Path.of(directories[0]).resolve("db").resolve("tokenkeeper.mv.db");
		if (!Files.isRegularFile(database)) {
			err.println(COMMAND + ": no Tokenkeeper H2 database at " + database);
			return 1;
		}
		String[] settings = Arrays.stream(args).filter(arg -> arg.startsWith("--")).toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TargetDatabase.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(settings)) {
			// Checked before connecting: the default URL would create an empty H2 database.
			String url = context.getBean(DataSourceProperties.class).determineUrl();
			DataSource target = context.getBean(DataSource.class);
			if (url == null || !url.startsWith("jdbc:postgresql:") || Database.of(target) != Database.POSTGRESQL) {
				err.println(COMMAND + ": the target must be PostgreSQL; set SPRING_DATASOURCE_URL to"
						+ " jdbc:postgresql://HOST:5432/DATABASE (and _USERNAME, _PASSWORD)");
				return 1;
			}
			Flyway.configure().dataSource(target).load().migrate();
			Map<String, Long> copied;
			try (Connection from = openReadOnly(database); Connection to = target.getConnection()) {
				copied = new TableCopy(from, to).copy();
			}
			long rows = copied.values().stream().mapToLong(Long::longValue).sum();
			out.println("Imported " + rows + " rows from " + database + ":");
			copied.forEach((table, count) -> out.println("  " + table + ": " + count));
			return 0;
		}
		catch (TableCopy.ImportException ex) {
			err.println(COMMAND + ": " + ex.getMessage());
			return 1;
		}
		catch (SQLException | RuntimeException ex) {
			err.println(COMMAND + ": the import failed and changed nothing: " + ex);
			return 1;
		}
	}

	/** The H2 database as the server opens it, but read-only, and only if it exists. */
	private static Connection openReadOnly(Path database) throws SQLException {
		String file = database.toAbsolutePath().toString().replaceFirst("\\.mv\\.db$", "");
		return DriverManager.getConnection("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "tokenkeeper", "");
	}

	/** Only the data source, configured exactly as the server's would be. */
	@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
	static class TargetDatabase {

	}

}
