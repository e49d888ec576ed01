package org.qualitymonth.assistant.querylog;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The repository on H2 in file mode, the default database. */
class H2QueryLogRepositoryTest extends QueryLogRepositoryContract {

	@TempDir
	static Path dataDir;

	static HikariDataSource dataSource;

	@BeforeAll
	static void database() {
		dataSource = TestDatabases.h2(dataDir);
	}

	@AfterAll
	static void close() {
		dataSource.close();
	}

	@Override
	DataSource dataSource() {
		return dataSource;
	}

}
