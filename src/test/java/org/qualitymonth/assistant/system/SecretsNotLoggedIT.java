package org.qualitymonth.assistant.system;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets an operator configures (admin password, pseudonym salt, database password)
 * appear nowhere the app writes or serves: not in its log at DEBUG, not in the health
 * details or the metrics, and the actuator endpoints that would show the configuration
 * are not there at all.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedIT {

	static final String PASSWORD = "admin-secret-7f3c9b1e";

	static final String SALT = "salt-secret-2d8a6e4f";

	static final String DATABASE_PASSWORD = "db-secret-9c1b7a3d";

	@TempDir
	Path dir;

	@Test
	void configuredSecretsAreNeverWrittenOrServed(CapturedOutput output) throws Exception {
		try (RunningApp app = RunningApp.start(dir.resolve("data"), "--bot.admin.password=" + PASSWORD,
				"--bot.query-log.salt=" + SALT,
				"--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
						+ ";DB_CLOSE_ON_EXIT=FALSE",
				"--spring.datasource.username=assistant", "--spring.datasource.password=" + DATABASE_PASSWORD,
				"--logging.level.org.qualitymonth=DEBUG", "--logging.level.org.springframework.security=DEBUG")) {
			app.ask("质量月的主题是什么", "secrets");
			app.ask("附近有什么好吃的", "secrets");
			assertThat(app.get("/api/v1/admin/unanswered", "wrong-" + PASSWORD).statusCode()).isEqualTo(401);
			assertThat(app.get("/api/v1/admin/unanswered", PASSWORD).statusCode()).isEqualTo(200);
			List<String> served = List.of(app.get("/actuator/health", PASSWORD).body(),
					app.get("/actuator/prometheus", PASSWORD).body(),
					app.get("/api/v1/admin/knowledge", PASSWORD).body());
			for (String endpoint : List.of("/actuator/env", "/actuator/configprops", "/actuator/heapdump",
					"/actuator/loggers", "/actuator/beans")) {
				assertThat(app.get(endpoint, PASSWORD).statusCode()).as(endpoint).isEqualTo(404);
			}
			for (String secret : List.of(PASSWORD, SALT, DATABASE_PASSWORD)) {
				assertThat(served).noneMatch(body -> body.contains(secret));
			}
		}
		for (String secret : List.of(PASSWORD, SALT, DATABASE_PASSWORD)) {
			assertThat(output.getAll()).as("the log").doesNotContain(secret);
		}
		assertThat(output.getAll()).as("the log ran at DEBUG").contains("DEBUG");
	}

}
