package org.qualitymonth.assistant.channel.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import okhttp3.OkHttpClient;

import org.qualitymonth.assistant.channel.delivery.DeliveryLedger;
import org.qualitymonth.assistant.chat.Conversations;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.MessageSourceAccessor;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Wires the Telegram channel, only when a token is configured. The library's Spring Boot
 * starter is built for Boot 3 and stops at 9.6.0, so the modules are wired here by hand.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConditions.TokenConfigured.class)
class TelegramConfiguration {

	/** What @BotFather hands out: the bot's numeric id, a colon, then the secret part. */
	private static final Pattern TOKEN_SHAPE = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{20,100}");

	@Bean
	Privacy telegramPrivacy(TelegramSettings settings) {
		check(settings);
		return new Privacy(settings.token());
	}

	@Bean
	WebhookSecret telegramWebhookSecret(TelegramSettings settings) {
		return WebhookSecret.of(settings.webhook().secret());
	}

	@Bean
	OkHttpClient telegramHttp() {
		return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
			.readTimeout(Duration.ofSeconds(30))
			.writeTimeout(Duration.ofSeconds(30))
			.callTimeout(Duration.ofSeconds(60))
			.build();
	}

	@Bean
	TelegramClient telegramClient(TelegramSettings settings, OkHttpClient telegramHttp) {
		return new OkHttpTelegramClient(new ObjectMapper(), telegramHttp, settings.token(),
				TelegramLifecycle.telegramUrl(settings.apiUrl()));
	}

	@Bean
	DeliveryLedger telegramDeliveryLedger(TelegramSettings settings,
			org.springframework.beans.factory.ObjectProvider<org.qualitymonth.assistant.chat.DeliveryClaims> claims,
			org.springframework.beans.factory.ObjectProvider<org.qualitymonth.assistant.chat.ConversationSettings> conversations) {
		// replicated mode: a webhook redelivery may reach another replica than the first
		// delivery did
		var shared = claims.getIfAvailable(() -> org.qualitymonth.assistant.chat.DeliveryClaims.IN_THIS_PROCESS);
		var conversation = conversations.getIfAvailable(org.qualitymonth.assistant.chat.ConversationSettings::defaults);
		String bot = "telegram:" + settings.token().substring(0, Math.max(0, settings.token().indexOf(':'))) + ":";
		return new DeliveryLedger(100_000,
				number -> shared.firstDelivery(bot + number, conversation.deliveriesRemembered()));
	}

	@Bean
	Outbox telegramOutbox(TelegramClient telegramClient, TelegramSettings settings, Privacy telegramPrivacy,
			org.springframework.beans.factory.ObjectProvider<org.qualitymonth.assistant.chat.RateBuckets> sharedBuckets) {
		AtomicInteger threads = new AtomicInteger();
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(3, task -> {
			Thread thread = new Thread(task, "telegram-send-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		// replicated mode: Telegram's overall limit is per bot, so the replicas draw from
		// one bucket per bot id
		var shared = sharedBuckets.getIfAvailable();
		org.qualitymonth.assistant.channel.delivery.Pacing pacing = shared == null
				? org.qualitymonth.assistant.channel.delivery.Pacing.evenly(settings.pacing().globalPerSecond())
				: org.qualitymonth.assistant.channel.delivery.Pacing.evenlyShared(settings.pacing().globalPerSecond(),
						shared,
						"telegram-pace:" + settings.token().substring(0, Math.max(0, settings.token().indexOf(':'))));
		return new Outbox(telegramClient, settings.pacing(), settings.retry(), executor, telegramPrivacy, pacing);
	}

	/**
	 * Sends, give-ups and retries of chat messages (button acknowledgements are not
	 * counted).
	 */
	@Bean
	MeterBinder telegramMetrics(Outbox telegramOutbox) {
		return registry -> {
			FunctionCounter.builder("assistant.telegram.sends", telegramOutbox, Outbox::sent)
				.description("Telegram messages sent")
				.tag("result", "sent")
				.register(registry);
			FunctionCounter.builder("assistant.telegram.sends", telegramOutbox, Outbox::failed)
				.description("Telegram messages given up after their last attempt (logged as errors)")
				.tag("result", "failed")
				.register(registry);
			FunctionCounter.builder("assistant.telegram.retries", telegramOutbox, Outbox::retriedRateLimited)
				.description("Telegram sends repeated, by cause")
				.tag("reason", "rate_limited")
				.register(registry);
			FunctionCounter.builder("assistant.telegram.retries", telegramOutbox, Outbox::retriedError)
				.description("Telegram sends repeated, by cause")
				.tag("reason", "error")
				.register(registry);
		};
	}

	@Bean
	TelegramBot telegramBot(Conversations conversations, Outbox telegramOutbox, DeliveryLedger telegramDeliveryLedger,
			Privacy telegramPrivacy, MessageSource messageSource) {
		MessageSourceAccessor messages = new MessageSourceAccessor(messageSource, Locale.SIMPLIFIED_CHINESE);
		return new TelegramBot(conversations, new ReplyRenderer(messages), telegramOutbox, telegramDeliveryLedger,
				telegramPrivacy, messages);
	}

	@Bean
	TelegramLifecycle telegramLifecycle(TelegramSettings settings, TelegramClient telegramClient,
			TelegramBot telegramBot, DeliveryLedger telegramDeliveryLedger, Outbox telegramOutbox,
			OkHttpClient telegramHttp, WebhookSecret telegramWebhookSecret, Privacy telegramPrivacy) {
		return new TelegramLifecycle(settings, telegramClient, telegramBot, telegramDeliveryLedger, telegramOutbox,
				telegramHttp, telegramWebhookSecret, telegramPrivacy);
	}

	/** Refuses settings that cannot work, with messages that never repeat the token. */
	static void check(TelegramSettings settings) {
		if (!TOKEN_SHAPE.matcher(settings.token()).matches()) {
			throw new IllegalStateException(
					"bot.telegram.token (BOT_TELEGRAM_TOKEN) is not a Telegram bot token: expected"
							+ " the form @BotFather gives, digits, a colon, then letters, digits, '_' or '-'");
		}
		URI api = settings.apiUrl();
		if (api.getScheme() == null
				|| !(api.getScheme().equalsIgnoreCase("https") || api.getScheme().equalsIgnoreCase("http"))
				|| api.getHost() == null || api.getRawUserInfo() != null || api.getRawQuery() != null
				|| api.getRawFragment() != null
				|| !(api.getRawPath() == null || api.getRawPath().isEmpty() || api.getRawPath().equals("/"))) {
			throw new IllegalStateException("bot.telegram.api-url must be scheme://host[:port] with no path, e.g."
					+ " https://api.telegram.org or http://127.0.0.1:8081 for a self-hosted Bot API server");
		}
		if (settings.mode() == TelegramSettings.Mode.WEBHOOK) {
			String url = settings.webhook().url();
			URI hook;
			try {
				hook = url.isEmpty() ? null : URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				hook = null;
			}
			if (hook == null || hook.getHost() == null || hook.getScheme() == null
					|| !(hook.getScheme().equalsIgnoreCase("https") || hook.getScheme().equalsIgnoreCase("http"))) {
				throw new IllegalStateException("bot.telegram.mode=webhook needs bot.telegram.webhook.url, the public"
						+ " HTTPS address Telegram posts to, e.g. https://bot.example.org"
						+ TelegramWebhookController.PATH);
			}
			int colon = settings.token().indexOf(':');
			if (url.contains(settings.token().substring(colon + 1))) {
				throw new IllegalStateException(
						"bot.telegram.webhook.url must not contain the bot token; the webhook is"
								+ " protected by bot.telegram.webhook.secret instead");
			}
		}
	}

}
