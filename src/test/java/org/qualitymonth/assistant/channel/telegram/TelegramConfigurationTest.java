package org.qualitymonth.assistant.channel.telegram;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.ConversationSettings;
import org.qualitymonth.assistant.chat.Conversations;
import org.qualitymonth.assistant.chat.FloodControl;
import org.qualitymonth.assistant.chat.RateLimitSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** When the channel is on, and how it refuses settings that cannot work. */
@ExtendWith(OutputCaptureExtension.class)
class TelegramConfigurationTest {

	static final String TOKEN = "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
		.withUserConfiguration(Settings.class, TelegramConfiguration.class)
		.withBean(Conversations.class,
				() -> new Conversations(mock(ChatService.class),
						new FloodControl(new RateLimitSettings(true, 30, java.time.Duration.ofMinutes(1), 1000)),
						ConversationSettings.defaults()));

	@Test
	void withoutATokenTheChannelIsOff() {
		runner.run(context -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(TelegramBot.class)
			.doesNotHaveBean(TelegramLifecycle.class)
			.doesNotHaveBean(Outbox.class));
		runner.withPropertyValues("bot.telegram.token=   ")
			.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TelegramLifecycle.class));
	}

	@Test
	void theTokenFromBOT_TELEGRAM_TOKENSwitchesItOnAndItStartsWithoutNetwork(CapturedOutput output) throws Exception {
		runner
			.withInitializer(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("env", Map.of("BOT_TELEGRAM_TOKEN", TOKEN))))
			.withPropertyValues("bot.telegram.api-url=http://127.0.0.1:" + closedPort(),
					"bot.telegram.retry.initial-backoff=10ms", "bot.telegram.retry.max-backoff=50ms")
			.run(context -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(TelegramBot.class)
					.hasSingleBean(TelegramLifecycle.class);
				assertThat(context.getBean(TelegramLifecycle.class).isRunning()).isTrue();
				awaitOutput(output, "not usable yet");
			});
		assertThat(output.getAll()).doesNotContain(TOKEN.substring(10));
	}

	@Test
	void settingsOutsideTheirLimitsStopStartUpNamingTheSetting() {
		runner
			.withPropertyValues("bot.telegram.poll-timeout=0s", "bot.telegram.webhook.max-connections=101",
					"bot.telegram.pacing.per-chat=-1s", "bot.telegram.retry.max-attempts=0")
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(stackTrace(context.getStartupFailure())).contains(
						"bot.telegram.poll-timeout must be a positive duration such as 1s or 500ms",
						"bot.telegram.webhook.max-connections must be 1-100",
						"bot.telegram.pacing.per-chat must be a duration such as 1s or 500ms (0 for none)",
						"bot.telegram.retry.max-attempts must be at least 1");
			});
		runner.withPropertyValues("bot.telegram.poll-timeout=50s", "bot.telegram.pacing.per-chat=0s")
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void aMalformedTokenStopsStartUpWithoutRepeatingIt() {
		String almost = "110201543-AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
		runner.withPropertyValues("bot.telegram.token=" + almost).run(context -> {
			assertThat(context).hasFailed();
			assertThat(stackTrace(context.getStartupFailure())).contains("is not a Telegram bot token")
				.doesNotContain(almost)
				.doesNotContain(almost.substring(10));
		});
	}

	@Test
	void webhookModeNeedsThePublicUrl() {
		runner.withPropertyValues("bot.telegram.token=" + TOKEN, "bot.telegram.mode=webhook").run(context -> {
			assertThat(context).hasFailed();
			assertThat(stackTrace(context.getStartupFailure())).contains("needs bot.telegram.webhook.url");
		});
		runner
			.withPropertyValues("bot.telegram.token=" + TOKEN, "bot.telegram.mode=webhook",
					"bot.telegram.webhook.url=https://x.org/" + TOKEN)
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(stackTrace(context.getStartupFailure())).contains("must not contain the bot token")
					.doesNotContain(TOKEN.substring(10));
			});
	}

	@Test
	void aWebhookSecretTelegramWouldRefuseStopsStartUp() {
		runner
			.withPropertyValues("bot.telegram.token=" + TOKEN, "bot.telegram.mode=webhook",
					"bot.telegram.webhook.url=https://x.org/telegram/webhook", "bot.telegram.webhook.secret=has spaces")
			.run(context -> assertThat(stackTrace(context.getStartupFailure())).contains("A-Z, a-z, 0-9, _ and -"));
	}

	@Test
	void anApiUrlWithAPathIsRefused() {
		runner.withPropertyValues("bot.telegram.token=" + TOKEN, "bot.telegram.api-url=https://proxy.example.org/tg/")
			.run(context -> assertThat(stackTrace(context.getStartupFailure()))
				.contains("scheme://host[:port] with no path"));
	}

	@Test
	void settingsPrintWithoutTheTokenOrTheSecret() {
		TelegramSettings settings = new TelegramSettings(TOKEN, java.net.URI.create("https://api.telegram.org"),
				TelegramSettings.Mode.WEBHOOK,
				new TelegramSettings.Webhook("https://x.org/telegram/webhook", "s3cr3t-value", 40,
						Duration.ofSeconds(50)),
				Duration.ofSeconds(50), new TelegramSettings.Pacing(Duration.ofSeconds(1), Duration.ofSeconds(3), 25),
				new TelegramSettings.Retry(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10)));

		assertThat(settings.toString()).doesNotContain(TOKEN)
			.doesNotContain(TOKEN.substring(10))
			.doesNotContain("s3cr3t-value")
			.contains("https://x.org/telegram/webhook");
		assertThat(WebhookSecret.of("s3cr3t-value").toString()).doesNotContain("s3cr3t-value");
	}

	private static void awaitOutput(CapturedOutput output, String text) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!output.getAll().contains(text)) {
			assertThat(System.nanoTime()).as("waiting for '%s' in the log", text).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String stackTrace(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TelegramSettings.class)
	static class Settings {

	}

}
