package org.qualitymonth.assistant.querylog;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.system.RunningApp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The assistant configured for PostgreSQL: Flyway creates the schema there, and the log
 * works the same.
 */
class PostgresApplicationIT {

	@TempDir
	Path dataDir;

	@Test
	void logsToPostgresqlWhenTheDatasourceNamesIt() throws Exception {
		try (TestPostgres postgres = TestPostgres.newSchema()) {
			try (RunningApp app = RunningApp.start(dataDir, "--spring.datasource.url=" + postgres.url())) {
				assertThat(app.ask("附近有什么好吃的", "pg-1").body()).contains("\"answered\":false");
				assertThat(app.ask("质量月的主题是什么", "pg-2").body()).contains("\"answered\":true");
				String body = app.get("/api/v1/admin/unanswered", RunningApp.ADMIN_PASSWORD).body();
				assertThat(body).contains("\"total\":1", "附近有什么好吃的").doesNotContain("质量月的主题是什么");
			}
			JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(postgres.url()));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM query_log").query(Long.class).single()).isEqualTo(2);
			assertThat(jdbc.sql("SELECT MAX(version) FROM flyway_schema_history").query(String.class).single())
				.isEqualTo("2");
			assertThat(dataDir.resolve("querylog.mv.db")).doesNotExist();
		}
	}

}
