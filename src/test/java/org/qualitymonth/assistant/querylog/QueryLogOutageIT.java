package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.system.RunningApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole assistant with its query log on a database server that is down at start-up
 * and goes away again later: citizens get their answers throughout, and every question
 * reaches the database once it is back.
 */
class QueryLogOutageIT {

	@TempDir
	Path dir;

	Process server;

	final JsonMapper json = JsonMapper.builder().build();

	@AfterEach
	void stopServer() throws InterruptedException {
		stop();
	}

	@Test
	void keepsAnsweringWhileTheDatabaseIsAwayAndLosesNoQuestion() throws Exception {
		int port = freePort();
		try (RunningApp app = RunningApp.start(dir.resolve("data"),
				"--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + port + "/querylog",
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--bot.query-log.flush-interval=200ms")) {
			assertDeclined(app.ask("附近有什么好吃的", "s1"));
			assertDeclined(app.ask("推荐一部好看的电影", "s2"));
			HttpResponse<String> away = app.get("/api/v1/admin/unanswered", RunningApp.ADMIN_PASSWORD);
			assertThat(away.statusCode()).isEqualTo(503);
			assertThat(away.body()).contains("queries are kept");

			startServer(port);
			assertThat(totalWithin(app, 2, Duration.ofSeconds(90))).isEqualTo(2);

			stop();
			assertDeclined(app.ask("明天北京会下雨吗", "s3"));
			startServer(port);
			assertThat(totalWithin(app, 3, Duration.ofSeconds(90))).isEqualTo(3);
		}
	}

	private void assertDeclined(HttpResponse<String> reply) {
		assertThat(reply.statusCode()).isEqualTo(200);
		assertThat(json.readTree(reply.body()).get("answered").asBoolean()).isFalse();
	}

	/**
	 * Polls the admin API until it lists {@code expected} groups or the time is up;
	 * returns the last total.
	 */
	private long totalWithin(RunningApp app, long expected, Duration limit) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		long total = -1;
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = app.get("/api/v1/admin/unanswered", RunningApp.ADMIN_PASSWORD);
			if (response.statusCode() == 200) {
				JsonNode body = json.readTree(response.body());
				total = body.get("total").asLong();
				if (total == expected) {
					return total;
				}
			}
			Thread.sleep(300);
		}
		return total;
	}

	/**
	 * The database server as a process of its own, as a real one would be, so that it can
	 * be killed.
	 */
	private void startServer(int port) throws IOException, InterruptedException {
		server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Server.class.getName(), "-tcp", "-tcpPort", String.valueOf(port),
				"-baseDir", dir.resolve("h2").toString(), "-ifNotExists")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("h2-server.log").toFile())
			.start();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException notYet) {
				assertThat(server.isAlive()).as("the H2 server process is running").isTrue();
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("the H2 server did not start on port " + port);
	}

	/**
	 * Shuts the server down as an operator would (H2, like any database, may lose its
	 * last second to kill -9).
	 */
	private void stop() throws InterruptedException {
		if (server != null) {
			server.destroy();
			server.waitFor();
			server = null;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
