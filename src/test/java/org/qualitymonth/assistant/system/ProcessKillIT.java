package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the whole application while questions are flowing: every question
 * that got its answer is in the query log once the app has been started again on the same
 * data directory. Between the answer and the database a record lives in the on-disk
 * spool; this checks that no step in between (spool, writer, database commit) can drop
 * one that was acknowledged.
 */
class ProcessKillIT {

	static final List<String> QUESTIONS = List.of("质量月的主题是什么", "投诉电话是多少", "附近有什么好吃的", "活动什么时候开始", "明天北京会下雨吗", "联系人是谁");

	@TempDir
	Path dir;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void losesNoAcknowledgedQuestionWhenTheProcessIsKilledMidFlow() throws Exception {
		Path intents = TestDataDirectory.copyIntents(dir.resolve("intents"));
		List<String> args = List.of("--bot.data-dir=" + dir.resolve("data"), "--bot.intents-dir=" + intents,
				"--bot.admin.password=" + RunningApp.ADMIN_PASSWORD, "--bot.knowledge.watch=false");
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();

		try (AppProcess first = AppProcess.start(dir.resolve("first.log"), args)) {
			AtomicBoolean flowing = new AtomicBoolean(true);
			ExecutorService citizens = Executors.newFixedThreadPool(3);
			for (int c = 0; c < 3; c++) {
				int citizen = c;
				citizens.submit(() -> ask(first, citizen, flowing, acknowledged));
			}
			// well past a few flushes of the spool (every second), with questions still
			// coming in
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			first.kill();
			flowing.set(false);
			citizens.shutdown();
			assertThat(citizens.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			assertThat(first.output()).doesNotContain("\tat ");
		}
		assertThat(acknowledged).as("answers before the kill").hasSizeGreaterThanOrEqualTo(100);

		AppProcess second = AppProcess.start(dir.resolve("second.log"), args);
		try {
			// the spool left by the killed process is replayed into the database at start
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (spoolBytes(second) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(200);
			}
			assertThat(spoolBytes(second)).as("spool replayed by the restarted app").isZero();
			assertThat(second.stop()).as("exit status after SIGTERM").isIn(0, 143);
		}
		finally {
			second.close();
		}
		assertThat(second.output()).doesNotContain("\tat ");

		Set<String> logged = GracefulShutdownIT.loggedIds(dir.resolve("data"));
		Set<String> lost = new java.util.HashSet<>(acknowledged);
		lost.removeAll(logged);
		System.out.printf("kill -9: %d answers acknowledged before the kill, %d rows in the query log, %d lost%n",
				acknowledged.size(), logged.size(), lost.size());
		assertThat(lost).as("acknowledged but not in the query log").isEmpty();
	}

	/**
	 * One citizen asking as fast as the app answers, until told to stop; answers it got
	 * are acknowledged.
	 */
	private void ask(AppProcess app, int citizen, AtomicBoolean flowing, Set<String> acknowledged) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		for (int i = 0; flowing.get(); i++) {
			String body = "{\"text\":\"" + QUESTIONS.get(i % QUESTIONS.size()) + "\",\"sessionId\":\"citizen-" + citizen
					+ "-" + i / 20 + "\"}";
			try {
				HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/ask")))
					.timeout(Duration.ofSeconds(30))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (reply.statusCode() == 200) {
					acknowledged.add(json.readTree(reply.body()).get("id").asString());
				}
			}
			catch (IOException killed) {
				// the process is gone: this question was never answered
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private long spoolBytes(AppProcess app) throws Exception {
		HttpResponse<String> metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(app.url("/actuator/prometheus")))
				.header("Authorization", RunningApp.basic("admin", RunningApp.ADMIN_PASSWORD))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.statusCode()).isEqualTo(200);
		return metrics.body()
			.lines()
			.filter(l -> l.startsWith("querylog_spool_bytes "))
			.map(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
			.findFirst()
			.orElseThrow();
	}

}
