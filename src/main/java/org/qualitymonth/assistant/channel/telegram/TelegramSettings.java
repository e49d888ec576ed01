package org.qualitymonth.assistant.channel.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Telegram channel settings ({@code bot.telegram.*}). The channel is off unless a token is set
 * ({@code bot.telegram.token} or the environment variable {@code BOT_TELEGRAM_TOKEN}).
 * {@link #toString()} masks the token and the webhook secret, so the record is safe to log. The question
 * length limit and the rate limit are every channel's ({@code bot.conversation.*}, {@code bot.rate-limit.*}).
 *
 * @param token the bot token from @BotFather; empty turns the channel off
 * @param apiUrl the Bot API server: {@code scheme://host[:port]}, no path (tests and self-hosted servers)
 * @param mode long polling (default) or a webhook served by this application
 * @param webhook settings of webhook mode
 * @param pollTimeout how long one getUpdates call waits for updates (Telegram allows up to 50s)
 * @param pacing how fast messages go out
 * @param retry how failed sends are retried
 */
@ConfigurationProperties("bot.telegram")
public record TelegramSettings(@DefaultValue("") String token, @DefaultValue("https://api.telegram.org") URI apiUrl,
		@DefaultValue("polling") Mode mode, @DefaultValue Webhook webhook, @DefaultValue("50s") Duration pollTimeout,
		@DefaultValue Pacing pacing, @DefaultValue Retry retry) {

	public TelegramSettings {
		token = token == null ? "" : token.strip();
		requirePositive(pollTimeout, "bot.telegram.poll-timeout");
		if (pollTimeout.toSeconds() > 50) {
			throw new IllegalArgumentException("bot.telegram.poll-timeout must be at most 50s (Telegram's limit)");
		}
	}

	/** How updates reach the application. */
	public enum Mode {

		/** The application asks Telegram for updates (getUpdates); works behind NAT and firewalls. */
		POLLING,

		/** Telegram posts updates to this application's {@code /telegram/webhook}. */
		WEBHOOK

	}

	/**
	 * Webhook mode ({@code bot.telegram.webhook.*}).
	 *
	 * @param url the public HTTPS address Telegram posts to, ending in the app's {@code /telegram/webhook}
	 * @param secret the {@code secret_token} Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token}
	 * (1-256 of {@code A-Z a-z 0-9 _ -}); empty generates a random one at each start
	 * @param maxConnections how many webhook requests Telegram may have open at once (1-100)
	 * @param replyTimeout how long a webhook request waits for its update to be handled before asking
	 * Telegram to deliver it again (it is never answered twice)
	 */
	public record Webhook(@DefaultValue("") String url, @DefaultValue("") String secret,
			@DefaultValue("40") int maxConnections, @DefaultValue("50s") Duration replyTimeout) {

		public Webhook {
			url = url == null ? "" : url.strip();
			secret = secret == null ? "" : secret.strip();
			if (maxConnections < 1 || maxConnections > 100) {
				throw new IllegalArgumentException("bot.telegram.webhook.max-connections must be 1-100");
			}
			requirePositive(replyTimeout, "bot.telegram.webhook.reply-timeout");
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
	 * @param perChat the least time between two messages to one private chat (Telegram: about 1/s)
	 * @param perGroup the least time between two messages to one group (Telegram: 20/min)
	 * @param globalPerSecond messages per second over all chats (Telegram: 30/s)
	 */
	public record Pacing(@DefaultValue("1s") Duration perChat, @DefaultValue("3s") Duration perGroup,
			@DefaultValue("25") int globalPerSecond) {

		public Pacing {
			requireNotNegative(perChat, "bot.telegram.pacing.per-chat");
			requireNotNegative(perGroup, "bot.telegram.pacing.per-group");
			if (globalPerSecond < 1 || globalPerSecond > 30) {
				throw new IllegalArgumentException("bot.telegram.pacing.global-per-second must be 1-30");
			}
		}

	}

	/**
	 * Retries of failed calls ({@code bot.telegram.retry.*}). A 429 waits the {@code retry_after}
	 * Telegram asks for; other transient failures back off exponentially.
	 *
	 * @param maxAttempts attempts per message, the first included
	 * @param initialBackoff the wait before the first retry
	 * @param maxBackoff the longest wait between retries
	 * @param maxRetryAfter a 429 asking to wait longer than this gives up (logged) instead of waiting
	 */
	public record Retry(@DefaultValue("6") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("30s") Duration maxBackoff, @DefaultValue("10m") Duration maxRetryAfter) {

		public Retry {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("bot.telegram.retry.max-attempts must be at least 1");
			}
			requirePositive(initialBackoff, "bot.telegram.retry.initial-backoff");
			requirePositive(maxBackoff, "bot.telegram.retry.max-backoff");
			if (maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException(
						"bot.telegram.retry.max-backoff must not be shorter than bot.telegram.retry.initial-backoff");
			}
			requirePositive(maxRetryAfter, "bot.telegram.retry.max-retry-after");
		}

	}

	/** True when a token is configured. */
	public boolean enabled() {
		return !token.isEmpty();
	}

	@Override
	public String toString() {
		return "TelegramSettings[token=" + (token.isEmpty() ? "(none)" : "******") + ", apiUrl=" + apiUrl + ", mode="
				+ mode + ", webhook=" + webhook + ", pollTimeout=" + pollTimeout + ", pacing=" + pacing + ", retry=" + retry + "]";
	}

	private static void requirePositive(Duration value, String name) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new IllegalArgumentException(name + " must be a positive duration such as 1s or 500ms");
		}
	}

	private static void requireNotNegative(Duration value, String name) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(name + " must be a duration such as 1s or 500ms (0 for none)");
		}
	}

}
