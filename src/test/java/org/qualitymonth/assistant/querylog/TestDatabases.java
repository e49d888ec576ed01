package org.qualitymonth.assistant.querylog;

import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * Databases for tests outside Spring, migrated with the application's own Flyway scripts.
 */
final class TestDatabases {

	private TestDatabases() {
	}

	static HikariDataSource h2(Path dataDir) {
		return migrated(QueryLogConfiguration.h2Url(dataDir), "sa", "");
	}

	static HikariDataSource postgres(TestPostgres postgres) {
		return migrated(postgres.url(), null, null);
	}

	static HikariDataSource pool(String url, String user, String password) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(user);
		dataSource.setPassword(password);
		dataSource.setMaximumPoolSize(3);
		dataSource.setConnectionTimeout(2000);
		dataSource.setInitializationFailTimeout(-1);
		return dataSource;
	}

	private static HikariDataSource migrated(String url, String user, String password) {
		HikariDataSource dataSource = pool(url, user, password);
		Flyway.configure().dataSource(dataSource).load().migrate();
		return dataSource;
	}

}
