package org.qualitymonth.assistant.channel.telegram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.channel.telegram.LoopbackBotApi.Sent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application in webhook mode: it registers its webhook with a secret at the
 * loopback Bot API, and the test plays Telegram delivering updates to
 * {@code POST /telegram/webhook}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.qualitymonth.assistant.channel.telegram=DEBUG",
				"logging.level.org.telegram=DEBUG" },
		classes = org.qualitymonth.assistant.AssistantApplication.class)
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class TelegramWebhookEndToEndIT {

	static final String TOKEN = "987654321:AAGwebhookTestTokenValue_0123456789ab";

	static final String PUBLIC_URL = "https://assistant.example.org/telegram/webhook";

	static final Duration WAIT = Duration.ofSeconds(20);

	static final LoopbackBotApi api = LoopbackBotApi.started(TOKEN);

	@TempDir
	static Path dataDir;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		registry.add("bot.data-dir", () -> dataDir.toString());
		registry.add("bot.telegram.token", () -> TOKEN);
		registry.add("bot.telegram.api-url", api::url);
		registry.add("bot.telegram.mode", () -> "webhook");
		registry.add("bot.telegram.webhook.url", () -> PUBLIC_URL);
		registry.add("bot.telegram.pacing.per-chat", () -> "20ms");
		registry.add("bot.telegram.retry.initial-backoff", () -> "20ms");
		registry.add("bot.telegram.retry.max-backoff", () -> "200ms");
	}

	@AfterAll
	static void stop() {
		// webhook mode never calls the API after start-up, so it can go before the
		// context closes
		api.close();
	}

	@BeforeEach
	void webhookRegistered() {
		api.awaitTrue(() -> api.webhookSecret() != null, WAIT, () -> "the webhook was never registered");
	}

	@Test
	void registersTheWebhookWithASecretAndOnlyTheUpdatesItAnswers() {
		assertThat(api.webhookUrl()).isEqualTo(PUBLIC_URL);
		assertThat(api.webhookSecret()).matches("[A-Za-z0-9_-]{32,256}");
		assertThat(api.webhookAllowedUpdates()).extracting(node -> node.asString())
			.containsExactlyInAnyOrder("message", "callback_query");
		assertThat(api.offsets()).as("no long polling in webhook mode").isEmpty();
	}

	@Test
	void refusesAMissingSecretWith401() throws Exception {
		long chat = api.privateChat(5001);

		HttpResponse<String> response = deliver(api.textUpdateJson(900_001, chat, 5001, "投诉电话是多少"), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertNothingSentTo(chat);
	}

	@Test
	void refusesAWrongSecretWith403() throws Exception {
		long chat = api.privateChat(5002);
		String almost = api.webhookSecret().substring(1) + "x";

		HttpResponse<String> wrong = deliver(api.textUpdateJson(900_002, chat, 5002, "投诉电话是多少"), almost);
		HttpResponse<String> prefix = deliver(api.textUpdateJson(900_003, chat, 5002, "投诉电话是多少"),
				api.webhookSecret().substring(0, 10));

		assertThat(wrong.statusCode()).isEqualTo(403);
		assertThat(prefix.statusCode()).isEqualTo(403);
		assertNothingSentTo(chat);
	}

	@Test
	void answersAnUpdateWithTheRightSecretBeforeSaying200() throws Exception {
		long chat = api.privateChat(5003);

		HttpResponse<String> response = deliver(api.textUpdateJson(900_004, chat, 5003, "投诉电话是多少"),
				api.webhookSecret());

		assertThat(response.statusCode()).isEqualTo(200);
		// 200 comes only once the reply is out, so it is there already
		assertThat(api.sentTo(chat)).singleElement().satisfies(sent -> assertThat(sent.plainText()).contains("12315"));
	}

	@Test
	void anUpdateDeliveredTwiceIsAnsweredOnce() throws Exception {
		long chat = api.privateChat(5004);
		String update = api.textUpdateJson(900_005, chat, 5004, "联系邮箱是什么");

		HttpResponse<String> first = deliver(update, api.webhookSecret());
		HttpResponse<String> again = deliver(update, api.webhookSecret());

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(api.sentTo(chat)).extracting(Sent::plainText)
			.singleElement()
			.satisfies(text -> assertThat(text).contains("caiyugang@samr.gov.cn"));
	}

	@Test
	void refusesABodyThatIsNotAnUpdate() throws Exception {
		assertThat(deliver("{\"update_id\": ", api.webhookSecret()).statusCode()).isEqualTo(400);
		assertThat(deliver("{\"message\": {}}", api.webhookSecret()).statusCode()).isEqualTo(400);
	}

	@Test
	void theSecretAndTheTokenAreNowhereInTheLog(CapturedOutput output) throws Exception {
		deliver(api.textUpdateJson(900_006, api.privateChat(5005), 5005, "质量月的主题是什么"), "wrong-secret");

		assertThat(output.getAll()).doesNotContain(api.webhookSecret())
			.doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1))
			.doesNotContain("wrong-secret");
	}

	private HttpResponse<String> deliver(String body, String secret) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/telegram/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (secret != null) {
			request.header(TelegramWebhookController.SECRET_HEADER, secret);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A correct delivery to the same chat afterwards gets the only reply: the refused
	 * ones were not handled.
	 */
	private void assertNothingSentTo(long chat) throws Exception {
		assertThat(api.sentTo(chat)).isEmpty();
		int updateId = 910_000 + (int) (chat % 10_000);
		assertThat(deliver(api.textUpdateJson(updateId, chat, chat, "联系邮箱是什么"), api.webhookSecret()).statusCode())
			.isEqualTo(200);
		assertThat(api.sentTo(chat)).extracting(Sent::plainText)
			.singleElement()
			.satisfies(text -> assertThat(text).contains("caiyugang@samr.gov.cn"));
	}

}
