package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the app (SIGTERM, {@code context.close()}) while an answer is being worked on:
 * the answer still reaches the citizen, no new question is taken, and every answered
 * question is in the query log database when the app has stopped, written there on the
 * way out rather than left in the spool for the next start.
 */
class GracefulShutdownIT {

	static final String SLOW_QUESTION = "质量月的主题是什么";

	@TempDir
	Path dir;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void finishesTheAnswerInFlightRefusesNewQuestionsAndWritesEveryAnsweredQuestionToTheDatabase() throws Exception {
		Path data = dir.resolve("data");
		RunningApp app = RunningApp.start(data, List.of(SlowListener.class), "--bot.query-log.flush-interval=1h");
		Set<String> answered = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			answered.add(id(app.ask("投诉电话是多少 " + i, "before")));
		}
		SlowListener.entered = new CountDownLatch(1);
		SlowListener.release = new CountDownLatch(1);
		HttpClient inFlightClient = HttpClient.newHttpClient();
		CompletableFuture<HttpResponse<String>> inFlight = inFlightClient.sendAsync(askRequest(app, SLOW_QUESTION),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(SlowListener.entered.await(60, TimeUnit.SECONDS)).as("the slow answer is being worked on").isTrue();

		CompletableFuture<Void> closed = CompletableFuture.runAsync(app::close);
		// until the server stops taking questions, whatever it still answers must be
		// logged as well
		List<String> refusals = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		for (int i = 0; refusals.isEmpty() && System.nanoTime() < deadline; i++) {
			try {
				HttpResponse<String> late = HttpClient.newHttpClient()
					.send(askRequest(app, "投诉电话是多少 late " + i),
							HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (late.statusCode() == 200) {
					answered.add(id(late));
				}
				else {
					refusals.add("HTTP " + late.statusCode());
				}
			}
			catch (IOException refused) {
				refusals.add(refused.getClass().getSimpleName());
			}
			Thread.sleep(50);
		}
		assertThat(refusals).as("new questions are refused while shutting down").isNotEmpty();
		assertThat(inFlight).as("the slow answer is still waited for").isNotDone();

		SlowListener.release.countDown();
		HttpResponse<String> slow = inFlight.get(60, TimeUnit.SECONDS);
		assertThat(slow.statusCode()).isEqualTo(200);
		assertThat(slow.body()).contains("建设质量强国 决胜全面小康");
		answered.add(id(slow));
		closed.get(60, TimeUnit.SECONDS);

		assertThat(pendingSpoolSegments(data)).as("nothing left in the spool for the next start").isEmpty();
		assertThat(loggedIds(data)).containsAll(answered);
	}

	private HttpRequest askRequest(RunningApp app, String text) {
		return HttpRequest.newBuilder(URI.create(app.url("/api/v1/ask")))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"sessionId\":\"shutdown\"}",
					StandardCharsets.UTF_8))
			.build();
	}

	private String id(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("id").asString();
	}

	private static List<Path> pendingSpoolSegments(Path data) throws IOException {
		try (Stream<Path> files = Files.list(data.resolve("querylog-spool"))) {
			return files.filter(p -> p.getFileName().toString().startsWith("segment-")).filter(p -> {
				try {
					return Files.size(p) > 0;
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
	}

	/** The query log's H2 file, opened directly once the app has let go of it. */
	static Set<String> loggedIds(Path data) throws Exception {
		Set<String> ids = new HashSet<>();
		try (Connection connection = DriverManager
			.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("querylog"), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id FROM query_log")) {
			while (rows.next()) {
				ids.add(rows.getString(1));
			}
		}
		return ids;
	}

	/**
	 * Holds the answer to {@link #SLOW_QUESTION} until the test lets it go, as a slow
	 * answer would.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SlowListener {

		static volatile CountDownLatch entered = new CountDownLatch(0);

		static volatile CountDownLatch release = new CountDownLatch(0);

		@Bean
		ConversationListener slowAnswer() {
			return new ConversationListener() {
				@Override
				public void onReply(Question question, Reply reply) {
					if (question.text().equals(SLOW_QUESTION)) {
						entered.countDown();
						try {
							release.await(60, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
				}

				@Override
				public void onFeedback(String replyId, boolean helpful) {
				}
			};
		}

	}

}
