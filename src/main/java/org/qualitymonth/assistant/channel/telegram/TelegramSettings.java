package org.qualitymonth.assistant.channel.telegram;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Telegram channel settings ({@code bot.telegram.*}). The channel is off unless a token
 * is set ({@code bot.telegram.token} or the environment variable
 * {@code BOT_TELEGRAM_TOKEN}). {@link #toString()} masks the token and the webhook
 * secret, so the record is safe to log. The question length limit and the rate limit are
 * every channel's ({@code bot.conversation.*}, {@code bot.rate-limit.*}).
 *
 * @param token the bot token from @BotFather; empty turns the channel off
 * @param apiUrl the Bot API server: {@code scheme://host[:port]}, no path (tests and
 * self-hosted servers)
 * @param mode long polling (default) or a webhook served by this application
 * @param webhook settings of webhook mode
 * @param pollTimeout how long one getUpdates call waits for updates (Telegram allows up
 * to 50s)
 * @param pacing how fast messages go out
 * @param retry how failed sends are retried
 */
@ConfigurationProperties("bot.telegram")
@Validated
public record TelegramSettings(@DefaultValue("") String token, @DefaultValue("https://api.telegram.org") URI apiUrl,
		@DefaultValue("polling") Mode mode, @Valid @DefaultValue Webhook webhook,
		@DurationMin(nanos = 1, message = "bot.telegram.poll-timeout" + POSITIVE) @DurationMax(seconds = 50,
				message = "bot.telegram.poll-timeout must be at most 50s (Telegram's limit)") @DefaultValue("50s") Duration pollTimeout,
		@Valid @DefaultValue Pacing pacing, @Valid @DefaultValue Retry retry) {

	private static final String POSITIVE = " must be a positive duration such as 1s or 500ms";

	private static final String NOT_NEGATIVE = " must be a duration such as 1s or 500ms (0 for none)";

	public TelegramSettings {
		token = token == null ? "" : token.strip();
	}

	/** How updates reach the application. */
	public enum Mode {

		/**
		 * The application asks Telegram for updates (getUpdates); works behind NAT and
		 * firewalls.
		 */
		POLLING,

		/** Telegram posts updates to this application's {@code /telegram/webhook}. */
		WEBHOOK

	}

	/**
	 * Webhook mode ({@code bot.telegram.webhook.*}).
	 *
	 * @param url the public HTTPS address Telegram posts to, ending in the app's
	 * {@code /telegram/webhook}
	 * @param secret the {@code secret_token} Telegram sends back in
	 * {@code X-Telegram-Bot-Api-Secret-Token} (1-256 of {@code A-Z a-z 0-9 _ -}); empty
	 * generates a random one at each start
	 * @param maxConnections how many webhook requests Telegram may have open at once
	 * (1-100)
	 * @param replyTimeout how long a webhook request waits for its update to be handled
	 * before asking Telegram to deliver it again (it is never answered twice)
	 */
	public record Webhook(@DefaultValue("") String url, @DefaultValue("") String secret,
			@Min(value = 1, message = CONNECTIONS) @Max(value = 100,
					message = CONNECTIONS) @DefaultValue("40") int maxConnections,
			@DurationMin(nanos = 1, message = "bot.telegram.webhook.reply-timeout"
					+ POSITIVE) @DefaultValue("50s") Duration replyTimeout) {

		private static final String CONNECTIONS = "bot.telegram.webhook.max-connections must be 1-100";

		public Webhook {
			url = url == null ? "" : url.strip();
			secret = secret == null ? "" : secret.strip();
		}

		@Override
		public String toString() {
			return "Webhook[url=" + url + ", secret=" + (secret.isEmpty() ? "(generated)" : "******")
					+ ", maxConnections=" + maxConnections + ", replyTimeout=" + replyTimeout + "]";
		}

	}

	/**
	 * Send pacing ({@code bot.telegram.pacing.*}), below Telegram's documented limits.
	 *
	 * @param perChat the least time between two messages to one private chat (Telegram:
	 * about 1/s)
	 * @param perGroup the least time between two messages to one group (Telegram: 20/min)
	 * @param globalPerSecond messages per second over all chats (Telegram: 30/s)
	 */
	public record Pacing(
			@DurationMin(nanos = 0,
					message = "bot.telegram.pacing.per-chat" + NOT_NEGATIVE) @DefaultValue("1s") Duration perChat,
			@DurationMin(nanos = 0,
					message = "bot.telegram.pacing.per-group" + NOT_NEGATIVE) @DefaultValue("3s") Duration perGroup,
			@Min(value = 1, message = PER_SECOND) @Max(value = 30,
					message = PER_SECOND) @DefaultValue("25") int globalPerSecond) {

		private static final String PER_SECOND = "bot.telegram.pacing.global-per-second must be 1-30";

	}

	/**
	 * Retries of failed calls ({@code bot.telegram.retry.*}). A 429 waits the
	 * {@code retry_after} Telegram asks for; other transient failures back off
	 * exponentially.
	 *
	 * @param maxAttempts attempts per message, the first included
	 * @param initialBackoff the wait before the first retry
	 * @param maxBackoff the longest wait between retries
	 * @param maxRetryAfter a 429 asking to wait longer than this gives up (logged)
	 * instead of waiting
	 */
	public record Retry(
			@Min(value = 1,
					message = "bot.telegram.retry.max-attempts must be at least 1") @DefaultValue("6") int maxAttempts,
			@DurationMin(nanos = 1,
					message = "bot.telegram.retry.initial-backoff"
							+ POSITIVE) @DefaultValue("1s") Duration initialBackoff,
			@DurationMin(nanos = 1,
					message = "bot.telegram.retry.max-backoff" + POSITIVE) @DefaultValue("30s") Duration maxBackoff,
			@DurationMin(nanos = 1, message = "bot.telegram.retry.max-retry-after"
					+ POSITIVE) @DefaultValue("10m") Duration maxRetryAfter) {

		public Retry {
			// the one rule across two settings, which a constraint on either cannot say
			if (maxBackoff != null && initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException(
						"bot.telegram.retry.max-backoff must not be shorter than bot.telegram.retry.initial-backoff");
			}
		}

	}

	/** True when a token is configured. */
	public boolean enabled() {
		return !token.isEmpty();
	}

	@Override
	public String toString() {
		return "TelegramSettings[token=" + (token.isEmpty() ? "(none)" : "******") + ", apiUrl=" + apiUrl + ", mode="
				+ mode + ", webhook=" + webhook + ", pollTimeout=" + pollTimeout + ", pacing=" + pacing + ", retry="
				+ retry + "]";
	}

}
