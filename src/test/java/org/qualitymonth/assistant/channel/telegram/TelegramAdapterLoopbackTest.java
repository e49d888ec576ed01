package org.qualitymonth.assistant.channel.telegram;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qualitymonth.assistant.channel.telegram.LoopbackBotApi.Posted;
import org.qualitymonth.assistant.channel.telegram.LoopbackBotApi.Sent;
import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.MessageSourceAccessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The channel's own wiring and the real client library against the loopback Bot API, with
 * the chat service mocked so that a test can choose any reply (a 10,000-character one,
 * say).
 */
@ExtendWith(OutputCaptureExtension.class)
class TelegramAdapterLoopbackTest {

	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	static final String TOKEN = "555000111:AAFloopbackAdapterTestToken_abcdefghij";

	static final Duration WAIT = Duration.ofSeconds(20);

	private final ChatService chat = mock(ChatService.class);

	private ApplicationContextRunner runner(String apiUrl, String token) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
			.withUserConfiguration(Settings.class, TelegramConfiguration.class)
			.withBean(org.qualitymonth.assistant.chat.Conversations.class,
					() -> new org.qualitymonth.assistant.chat.Conversations(chat,
							new org.qualitymonth.assistant.chat.FloodControl(
									new org.qualitymonth.assistant.chat.RateLimitSettings(true, 30,
											Duration.ofMinutes(1), 1000)),
							org.qualitymonth.assistant.chat.ConversationSettings.defaults()))
			.withPropertyValues("bot.telegram.token=" + token, "bot.telegram.api-url=" + apiUrl,
					"bot.telegram.poll-timeout=1s", "bot.telegram.pacing.per-chat=10ms",
					"bot.telegram.retry.initial-backoff=20ms", "bot.telegram.retry.max-backoff=100ms");
	}

	@Test
	void aLongAnswerArrivesInPartsThatTelegramAccepts() throws Exception {
		StringBuilder answer = new StringBuilder();
		for (int i = 0; answer.length() < 10_000; i++) {
			answer.append("第").append(i).append("项：质量 & 安全，详见<附件").append(i % 3).append(">。");
		}
		when(chat.ask(any())).thenReturn(reply(answer.toString()));
		try (LoopbackBotApi api = new LoopbackBotApi(TOKEN)) {
			runner(api.url(), TOKEN).run(context -> {
				long user = api.privateChat(42);
				Posted question = api.says(user, 42, "请把通知全文发给我");

				api.awaitConfirmed(question.updateId(), WAIT);

				List<Sent> parts = api.sentTo(user);
				assertThat(parts).hasSizeGreaterThanOrEqualTo(3);
				assertThat(parts).allSatisfy(part -> assertThat(part.plainText().length()).isLessThanOrEqualTo(4096));
				assertThat(String.join("", parts.stream().map(Sent::plainText).toList())).startsWith(answer.toString());
				assertThat(parts.subList(0, parts.size() - 1))
					.allSatisfy(part -> assertThat(part.replyMarkup()).isNull());
				assertThat(parts.get(parts.size() - 1).buttonTexts())
					.contains(TEXTS.getMessage("telegram.feedback.helpful"));
				assertThat(api.rejections()).isEmpty();
			});
		}
	}

	@Test
	void aMessageWhoseFormattingTelegramRefusesArrivesAsPlainText() throws Exception {
		when(chat.ask(any())).thenReturn(reply("邮箱：caiyugang@samr.gov.cn"));
		try (LoopbackBotApi api = new LoopbackBotApi(TOKEN)) {
			api.failNext("sendMessage", 1, 400,
					"Bad Request: can't parse entities: Unsupported start tag \"i\" at byte offset 0");
			runner(api.url(), TOKEN).run(context -> {
				long user = api.privateChat(43);
				api.says(user, 43, "联系邮箱是什么");

				Sent sent = api.awaitSent(user, 1, WAIT).get(0);

				assertThat(sent.parseMode()).isEmpty();
				assertThat(sent.plainText()).startsWith("邮箱：caiyugang@samr.gov.cn").contains("出处：");
			});
		}
	}

	@Test
	void aTokenTelegramRefusesSwitchesTheChannelOffWithAClearError(CapturedOutput output) throws Exception {
		String revoked = "555000111:AAFrevokedTokenNotKnownToTheServer_xyz";
		try (LoopbackBotApi api = new LoopbackBotApi(TOKEN)) {
			runner(api.url(), revoked).run(context -> {
				assertThat(context).hasNotFailed();
				api.awaitTrue(() -> output.getAll().contains("Telegram refused the bot token"), WAIT,
						() -> "no error about the token in the log");
				assertThat(api.offsets()).isEmpty();
			});
		}
		assertThat(output.getAll()).contains("[401] Unauthorized").doesNotContain(revoked.substring(10));
	}

	@Test
	void aWebhookTelegramRefusesIsReportedOnceNotRetriedForever(CapturedOutput output) throws Exception {
		try (LoopbackBotApi api = new LoopbackBotApi(TOKEN)) {
			runner(api.url(), TOKEN)
				.withPropertyValues("bot.telegram.mode=webhook",
						"bot.telegram.webhook.url=http://assistant.example.org/telegram/webhook")
				.run(context -> {
					api.awaitTrue(() -> output.getAll().contains("Telegram refused to set up the bot"), WAIT,
							() -> "no error about the webhook in the log");
					assertThat(output.getAll()).contains("An HTTPS URL must be provided",
							"check bot.telegram.webhook.url");
					// the connecting thread gave up instead of knocking again
					for (Thread thread : Thread.getAllStackTraces().keySet()) {
						if (thread.getName().equals("telegram-connect")) {
							thread.join(WAIT.toMillis());
							assertThat(thread.isAlive()).isFalse();
						}
					}
					assertThat(api.rejections()).filteredOn(r -> r.method().equals("setwebhook")).hasSize(1);
					assertThat(api.webhookUrl()).isEmpty();
				});
		}
	}

	@Test
	void itStartsWithoutTheApiAndConnectsOnceItIsReachable(CapturedOutput output) throws Exception {
		int port;
		try (ServerSocket probe = new ServerSocket(0)) {
			port = probe.getLocalPort();
		}
		when(chat.ask(any())).thenReturn(reply("12315"));
		runner("http://127.0.0.1:" + port, TOKEN).run(context -> {
			assertThat(context).hasNotFailed();
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (!output.getAll().contains("not usable yet")) {
				assertThat(System.nanoTime()).isLessThan(deadline);
				Thread.sleep(20);
			}
			try (LoopbackBotApi api = new LoopbackBotApi(TOKEN, port)) {
				long user = api.privateChat(44);
				api.says(user, 44, "投诉电话是多少");

				assertThat(api.awaitSent(user, 1, WAIT).get(0).plainText()).startsWith("12315");
			}
		});
		assertThat(output.getAll()).doesNotContain(TOKEN.substring(10));
	}

	private static Reply reply(String answer) {
		return new Reply(UUID.randomUUID().toString(), Outcome.ANSWERED, "intent", 0.9, answer, "通知全文", List.of(),
				List.of(new Choice("theme", "活动主题")), List.of(), "", "v1");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TelegramSettings.class)
	static class Settings {

	}

}
