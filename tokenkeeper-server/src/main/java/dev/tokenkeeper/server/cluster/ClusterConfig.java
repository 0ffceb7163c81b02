package dev.tokenkeeper.server.cluster;

import javax.sql.DataSource;

import dev.tokenkeeper.server.database.Database;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Where the database can be shared (PostgreSQL), evictions travel through it; on H2 they stay local. */
@Configuration(proxyBeanMethods = false)
class ClusterConfig {

	@Bean
	InvalidationPublisher invalidationPublisher(Database database, JdbcClient jdbc) {
		return database == Database.POSTGRESQL ? new PostgresInvalidationPublisher(jdbc) : InvalidationPublisher.LOCAL;
	}

	/** Named so that its health shows as {@code cacheInvalidation}. */
	@Bean
	InvalidationListener cacheInvalidationHealthIndicator(Database database, DataSource dataSource,
			CacheInvalidation caches) {
		return new InvalidationListener(
				database == Database.POSTGRESQL ? new PostgresInvalidationListener(dataSource, caches) : null);
	}

}
