package dev.tokenkeeper.server.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param database the database the server must run on ({@code h2} or {@code postgresql}); when
 * set, a server whose {@code spring.datasource.url} points elsewhere refuses to start. Unset, the
 * database is whatever the URL names (H2 under the data directory by default).
 */
@ConfigurationProperties("tokenkeeper")
public record DatabaseProperties(Database database) {
}
