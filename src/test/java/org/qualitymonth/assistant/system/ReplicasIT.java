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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.qualitymonth.assistant.channel.telegram.TestBotApi;
import org.qualitymonth.assistant.cluster.TestRedis;
import org.qualitymonth.assistant.querylog.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replicated mode end to end: two replicas of the assistant (processes of their own) on
 * loopback, sharing one PostgreSQL (a private schema of TEST_POSTGRES_URL's server) and
 * one Redis, with requests alternating between them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

	static final String TOKEN = "987654321:AAGreplicaTestTokenValue_0123456789ab";

	static final String SECRET = "replica-webhook-secret_0123456789";

	static final String SALT = "replica-test-salt-0123456789abcdef";

	@TempDir
	static Path dir;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	TestRedis redis;

	TestPostgres postgres;

	TestBotApi telegram;

	Path intents;

	AppProcess a;

	AppProcess b;

	@BeforeAll
	void startTwoReplicas() throws Exception {
		redis = TestRedis.start();
		postgres = TestPostgres.newSchema();
		telegram = new TestBotApi(TOKEN);
		intents = TestDataDirectory.copyIntents(dir.resolve("shared-intents"));
		a = AppProcess.start(dir.resolve("a.log"), args("a"));
		b = AppProcess.start(dir.resolve("b.log"), args("b"));
		awaitRedis(a);
		awaitRedis(b);
	}

	/**
	 * Until the replica's health says Redis is reachable: its connection is made at the
	 * first use.
	 */
	void awaitRedis(AppProcess app) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String health = "";
		while (System.nanoTime() < deadline) {
			health = http
				.send(HttpRequest.newBuilder(URI.create(app.url("/actuator/health/readiness")))
					.header("Authorization", RunningApp.basic("admin", RunningApp.ADMIN_PASSWORD))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			if (health.contains("\"redis\":\"reachable\"")) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("Redis never reachable from the replica: " + health);
	}

	@AfterAll
	void stopEverything() throws Exception {
		for (AppProcess app : new AppProcess[] { a, b }) {
			if (app != null) {
				app.close();
			}
		}
		if (telegram != null) {
			telegram.close();
		}
		if (postgres != null) {
			postgres.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	/**
	 * What every replica is started with; each has a data directory (its spool's volume)
	 * of its own.
	 */
	List<String> args(String replica) {
		return new ArrayList<>(List.of("--bot.cluster.enabled=true", "--spring.datasource.url=" + postgres.url(),
				"--spring.data.redis.url=" + redis.url(), "--bot.cluster.key-prefix=" + postgres.schema(),
				"--bot.query-log.salt=" + SALT, "--bot.data-dir=" + dir.resolve("data-" + replica),
				"--bot.intents-dir=" + intents, "--bot.admin.password=" + RunningApp.ADMIN_PASSWORD,
				"--bot.rate-limit.questions-per-address=100000", "--bot.telegram.token=" + TOKEN,
				"--bot.telegram.api-url=" + telegram.url(), "--bot.telegram.mode=webhook",
				"--bot.telegram.webhook.url=https://assistant.example.org/telegram/webhook",
				"--bot.telegram.webhook.secret=" + SECRET));
	}

	@Test
	@Order(1)
	void followUpOnOneReplicaResolvesAgainstTheQuestionAskedOnTheOther() throws Exception {
		String session = "follow-" + UUID.randomUUID();
		assertThat(ask(a, "联系人是谁", session).get("answer").asString()).contains("蔡煜刚");
		JsonNode followUp = ask(b, "那邮箱呢", session);
		assertThat(followUp.get("answer").asString()).contains("caiyugang@samr.gov.cn");

		assertThat(ask(a, "质量月的主题是什么", session).get("intent").asString()).isEqualTo("theme");
		assertThat(ask(b, "那时间呢", session).get("answer").asString()).contains("2020年9月");
		// the turn B read the follow-up against is the one A left in Redis, under the
		// conversation's key
		assertThat(redis.command("EXISTS", postgres.schema() + ":ctx:web:" + session)).isEqualTo(":1");
		assertThat(redis.command("EXISTS", postgres.schema() + ":ctx:web:fresh-" + UUID.randomUUID())).isEqualTo(":0");
	}

	@Test
	@Order(2)
	void aCitizensRateBudgetIsSharedByTheReplicas() throws Exception {
		String session = "budget-" + UUID.randomUUID();
		int answered = 0;
		int throttled = 0;
		for (int i = 0; i < 50; i++) {
			int status = post(i % 2 == 0 ? a : b, "/api/v1/ask", askBody("质量月的主题是什么", session)).statusCode();
			if (status == 200) {
				answered++;
			}
			else if (status == 429) {
				throttled++;
			}
		}
		System.out.printf("shared rate budget: %d answered, %d throttled of 50 alternating questions%n", answered,
				throttled);
		assertThat(answered).as("30 a minute in total, not 30 per replica").isEqualTo(30);
		assertThat(throttled).isEqualTo(20);
	}

	@Test
	@Order(3)
	void aTelegramUpdateDeliveredToBothReplicasIsAnsweredOnce() throws Exception {
		long chat = 770_001;
		String update = telegram.textUpdate(810_001, chat, chat, "质量月的主题是什么");
		assertThat(webhook(a, update).statusCode()).isEqualTo(200);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (telegram.sentTo(chat) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(telegram.sentTo(chat)).as("answered by A").isPositive();
		Thread.sleep(1000);
		int afterFirst = telegram.sentTo(chat);
		// Telegram redelivers (A was slow to acknowledge, say) and the balancer picks B
		assertThat(webhook(b, update).statusCode()).isEqualTo(200);

		// and the same update reaching both at once
		long other = 770_002;
		String both = telegram.textUpdate(810_002, other, other, "质量月的主题是什么");
		ExecutorService twice = Executors.newFixedThreadPool(2);
		var first = twice.submit(() -> webhook(a, both).statusCode());
		var second = twice.submit(() -> webhook(b, both).statusCode());
		assertThat(first.get()).isEqualTo(200);
		assertThat(second.get()).isEqualTo(200);
		twice.shutdown();
		Thread.sleep(3000);
		assertThat(telegram.sentTo(chat)).as("the redelivery to B sent nothing").isEqualTo(afterFirst);
		assertThat(telegram.sentTo(other)).as("one answer for the update delivered to both").isEqualTo(afterFirst);
	}

	@Test
	@Order(4)
	void anExampleAddedOnOneReplicaIsServedByTheOtherWithinFiveSeconds() throws Exception {
		String question = "活动有吉祥物吗";
		assertThat(intentOf(ask(b, question, "mascot-" + UUID.randomUUID()))).isNotEqualTo("slogans");
		HttpResponse<String> added = http
			.send(HttpRequest.newBuilder(URI.create(a.url("/api/v1/admin/intents/slogans/examples")))
				.header("Authorization", RunningApp.basic("admin", RunningApp.ADMIN_PASSWORD))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + question + "\"}", StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		long addedAt = System.nanoTime();
		String servedByB = null;
		while (System.nanoTime() - addedAt < Duration.ofSeconds(5).toNanos()) {
			servedByB = intentOf(ask(b, question, "mascot-" + UUID.randomUUID()));
			if ("slogans".equals(servedByB)) {
				break;
			}
			Thread.sleep(100);
		}
		System.out.printf("example added on A served by B after %d ms%n",
				Duration.ofNanos(System.nanoTime() - addedAt).toMillis());
		assertThat(servedByB).as("B's answer within 5 s of A's 201").isEqualTo("slogans");
	}

	@Test
	@Order(5)
	void killingAReplicaMidLoadLosesNoQueryLogRecord() throws Exception {
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicBoolean flowing = new AtomicBoolean(true);
		ExecutorService citizens = Executors.newFixedThreadPool(3);
		for (int c = 0; c < 3; c++) {
			int citizen = c;
			citizens.submit(() -> load(citizen, flowing, acknowledged));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		a.kill();
		Thread.sleep(500);
		flowing.set(false);
		citizens.shutdown();
		assertThat(citizens.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		assertThat(acknowledged).as("answers before the kill").hasSizeGreaterThanOrEqualTo(100);

		// a replacement on A's volume replays what A had spooled
		a = AppProcess.start(dir.resolve("a2.log"), args("a"));
		Set<String> lost = new HashSet<>(acknowledged);
		long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < until) {
			lost.removeAll(loggedIds());
			if (lost.isEmpty()) {
				break;
			}
			Thread.sleep(500);
		}
		System.out.printf("kill -9 of a replica: %d answers acknowledged by A and B, %d lost%n", acknowledged.size(),
				lost.size());
		assertThat(lost).as("acknowledged but not in the query log").isEmpty();
	}

	@Test
	@Order(6)
	void refusesToStartInReplicatedModeWithH2OrWithoutTheSalt() throws Exception {
		List<String> h2 = new ArrayList<>(args("h2"));
		h2.removeIf(arg -> arg.startsWith("--spring.datasource.url="));
		assertThatThrownBy(() -> AppProcess.start(dir.resolve("h2.log"), h2).close())
			.hasMessageContaining("bot.cluster.enabled=true (replicated mode) needs")
			.hasMessageContaining("PostgreSQL: set spring.datasource.url");

		List<String> unsalted = new ArrayList<>(args("unsalted"));
		unsalted.removeIf(arg -> arg.startsWith("--bot.query-log.salt="));
		assertThatThrownBy(() -> AppProcess.start(dir.resolve("unsalted.log"), unsalted).close())
			.hasMessageContaining("bot.query-log.salt (BOT_QUERYLOG_SALT)")
			.message()
			.doesNotContain("PostgreSQL: set");

		List<String> polling = new ArrayList<>(args("polling"));
		polling.removeIf(arg -> arg.startsWith("--bot.telegram.mode="));
		assertThatThrownBy(() -> AppProcess.start(dir.resolve("polling.log"), polling).close())
			.hasMessageContaining("long polling is refused in replicated mode");
	}

	private void load(int citizen, AtomicBoolean flowing, Set<String> acknowledged) {
		List<String> questions = ProcessKillIT.QUESTIONS;
		for (int i = 0; flowing.get(); i++) {
			AppProcess replica = i % 2 == 0 ? a : b;
			try {
				HttpResponse<String> reply = post(replica, "/api/v1/ask",
						askBody(questions.get(i % questions.size()), "kill-" + citizen + "-" + i / 20));
				if (reply.statusCode() == 200) {
					acknowledged.add(json.readTree(reply.body()).get("id").asString());
				}
			}
			catch (IOException killed) {
				// the replica is gone: this question was never answered
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private Set<String> loggedIds() throws Exception {
		Set<String> ids = new HashSet<>();
		try (Connection c = DriverManager.getConnection(postgres.url());
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("SELECT id FROM query_log")) {
			while (rs.next()) {
				ids.add(rs.getString(1));
			}
		}
		return ids;
	}

	private JsonNode ask(AppProcess app, String text, String session) throws Exception {
		HttpResponse<String> reply = post(app, "/api/v1/ask", askBody(text, session));
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
		return json.readTree(reply.body());
	}

	private static String intentOf(JsonNode reply) {
		JsonNode intent = reply.get("intent");
		return intent == null || intent.isNull() ? null : intent.asString();
	}

	private static String askBody(String text, String session) {
		return "{\"text\":\"" + text + "\",\"sessionId\":\"" + session + "\"}";
	}

	private HttpResponse<String> post(AppProcess app, String path, String body)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> webhook(AppProcess app, String update) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(app.url("/telegram/webhook")))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", SECRET)
			.POST(HttpRequest.BodyPublishers.ofString(update, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
