package org.qualitymonth.assistant.querylog;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository on a real PostgreSQL server, with the same Flyway migrations. */
class PostgresQueryLogRepositoryTest extends QueryLogRepositoryContract {

	static TestPostgres postgres;

	static HikariDataSource dataSource;

	@BeforeAll
	static void database() {
		postgres = TestPostgres.newSchema();
		dataSource = TestDatabases.postgres(postgres);
	}

	@AfterAll
	static void close() {
		if (dataSource != null) {
			dataSource.close();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

}
