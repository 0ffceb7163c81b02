package dev.tokenkeeper.server.database;

import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

	/** How long a write waits for a row another transaction holds before it gives up (409), as on H2. */
	static final String POSTGRESQL_LOCK_TIMEOUT = "10s";

	/** The database in use, checked against {@code tokenkeeper.database} when that is set. */
	@Bean
	Database database(DataSource dataSource, DatabaseProperties properties) {
		Database actual = Database.of(dataSource);
		if (properties.database() != null && properties.database() != actual) {
			throw new IllegalStateException("tokenkeeper.database is " + properties.database().propertyValue()
					+ " but spring.datasource.url points at " + actual.propertyValue() + "; set SPRING_DATASOURCE_URL"
					+ (properties.database() == Database.POSTGRESQL ? " to jdbc:postgresql://HOST:5432/DATABASE" : ""));
		}
		return actual;
	}

	/**
	 * PostgreSQL connections name themselves (visible in pg_stat_activity) and wait for a locked
	 * row at most as long as H2 does, unless the configuration says otherwise.
	 */
	@Bean
	static BeanPostProcessor postgresqlConnectionDefaults() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
						&& hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
					Properties properties = hikari.getDataSourceProperties();
					properties.putIfAbsent("ApplicationName", "tokenkeeper");
					properties.putIfAbsent("options", "-c lock_timeout=" + POSTGRESQL_LOCK_TIMEOUT);
				}
				return bean;
			}
		};
	}

}
