package dev.tokenkeeper.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.IntegrityException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database: H2's {@code BACKUP TO} writes a transactionally
 * consistent copy into a zip while the server keeps running. The file name is the server's own
 * (a timestamp), never the client's, and the directory is configuration.
 */
@Service
public class BackupService {

	private static final DateTimeFormatter FILE_NAME = DateTimeFormatter
		.ofPattern("'tokenkeeper-'yyyyMMdd-HHmmss-SSS'.zip'")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Path directory;

	BackupService(DataSource dataSource, JdbcClient jdbc, Clock clock, BackupProperties properties) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
		this.directory = properties.directory().toAbsolutePath().normalize();
	}

	/** Takes a backup now; system administrators only, by password. One at a time. */
	public synchronized Backup create(Caller caller) {
		if (!AccessRules.isSysAdmin(caller)) {
			throw new AuthorisationException("Only system administrators may take backups.");
		}
		if (!isH2()) {
			throw new IntegrityException(
					"Only the embedded database is backed up by Tokenkeeper; back up this database with its own tools.");
		}
		Instant now = this.clock.instant();
		try {
			Files.createDirectories(this.directory);
			Path file = this.directory.resolve(FILE_NAME.format(now));
			while (Files.exists(file)) {
				now = now.plusMillis(1);
				file = this.directory.resolve(FILE_NAME.format(now));
			}
			this.jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
			return new Backup(file.getFileName().toString(), Files.size(file), now);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean isH2() {
		try (Connection connection = this.dataSource.getConnection()) {
			return "H2".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
