package org.qualitymonth.assistant.querylog;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.system.RunningApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real PostgreSQL server gone for a while under a running assistant: its connections
 * are terminated as a server shutdown terminates them and new ones are refused. The
 * server itself is shared with other tests, so it is not stopped; a proxy in front of it,
 * used by this app alone, goes away instead. Citizens get every answer throughout, the
 * health says what is going on, and every question is in the database once it is back.
 */
class PostgresOutageIT {

	private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^:/?]+):(\\d+)/");

	private static final List<String> QUESTIONS = List.of("质量月的主题是什么", "附近有什么好吃的", "投诉电话是多少", "推荐一部好看的电影", "联系邮箱是什么");

	@TempDir
	Path dataDir;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void keepsAnsweringWhilePostgresqlIsAwayAndWritesEveryQuestionWhenItIsBack() throws Exception {
		try (TestPostgres postgres = TestPostgres.newSchema()) {
			Matcher server = SERVER.matcher(postgres.url());
			assertThat(server.find()).as(postgres.url()).isTrue();
			String applicationName = "qm-outage-" + UUID.randomUUID();
			try (TcpProxy proxy = new TcpProxy(server.group(1), Integer.parseInt(server.group(2)))) {
				String proxied = server.replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/")
						+ "&ApplicationName=" + applicationName;
				try (RunningApp app = RunningApp.start(dataDir, "--spring.datasource.url=" + proxied,
						"--bot.query-log.flush-interval=200ms")) {
					Set<String> acknowledged = new HashSet<>();
					for (int i = 0; i < 5; i++) {
						acknowledged.add(answer(app, QUESTIONS.get(i), "before"));
					}
					assertThat(awaitStored(postgres, acknowledged)).as("stored while the database is up").isEmpty();

					terminateConnections(postgres, applicationName);
					proxy.cut();
					for (int i = 0; i < 20; i++) {
						acknowledged.add(answer(app, QUESTIONS.get(i % QUESTIONS.size()) + " " + i, "during-" + i % 3));
					}
					assertThat(app.get("/api/v1/admin/unanswered", RunningApp.ADMIN_PASSWORD).statusCode())
						.isEqualTo(503);
					HttpResponse<String> readiness = app.get("/actuator/health/readiness", null);
					assertThat(readiness.statusCode()).as("still ready: answering needs no database").isEqualTo(200);
					JsonNode health = json.readTree(app.get("/actuator/health", RunningApp.ADMIN_PASSWORD).body());
					assertThat(health.at("/components/queryLog/status").asString()).isEqualTo("DEGRADED");
					assertThat(health.at("/components/queryLog/details/spoolBytes").asLong()).isPositive();
					assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
					assertThat(app.get("/actuator/health", null).statusCode()).as("DEGRADED is not DOWN")
						.isEqualTo(200);

					long away = System.nanoTime();
					proxy.restore();
					assertThat(awaitStored(postgres, acknowledged)).as("acknowledged but not stored after the outage")
						.isEmpty();
					System.out.printf("PostgreSQL outage: %d answers, all stored %d ms after the database was back%n",
							acknowledged.size(), (System.nanoTime() - away) / 1_000_000);
					assertThat(json.readTree(app.get("/actuator/health", RunningApp.ADMIN_PASSWORD).body())
						.at("/components/queryLog/status")
						.asString()).isEqualTo("UP");
				}
			}
		}
	}

	private String answer(RunningApp app, String question, String session) throws Exception {
		HttpResponse<String> reply = app.ask(question, session);
		assertThat(reply.statusCode()).as(question).isEqualTo(200);
		return json.readTree(reply.body()).get("id").asString();
	}

	/**
	 * Waits up to a minute until every id is in the database; returns the ones still
	 * missing.
	 */
	private static Set<String> awaitStored(TestPostgres postgres, Set<String> ids) throws Exception {
		Set<String> missing = new HashSet<>(ids);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!missing.isEmpty() && System.nanoTime() < deadline) {
			try (Connection connection = DriverManager.getConnection(postgres.url());
					ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM query_log")) {
				while (rows.next()) {
					missing.remove(rows.getString(1));
				}
			}
			if (!missing.isEmpty()) {
				Thread.sleep(200);
			}
		}
		return missing;
	}

	/**
	 * What a server shutdown does to open connections, for this app's connections only.
	 */
	private static void terminateConnections(TestPostgres postgres, String applicationName) throws Exception {
		try (Connection connection = DriverManager.getConnection(postgres.url());
				PreparedStatement terminate = connection.prepareStatement(
						"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
			terminate.setString(1, applicationName);
			try (ResultSet terminated = terminate.executeQuery()) {
				int count = 0;
				while (terminated.next()) {
					count++;
				}
				assertThat(count).as("pooled connections of the app").isPositive();
			}
		}
	}

}
