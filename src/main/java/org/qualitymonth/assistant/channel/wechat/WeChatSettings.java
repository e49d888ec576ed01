package org.qualitymonth.assistant.channel.wechat;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat Official Account settings ({@code bot.wechat.*}, or {@code BOT_WECHAT_*} in the
 * environment). The channel is off unless a token and an app id are set.
 * {@link #toString()} masks the token, the secret and the AES key, so the record is safe
 * to log.
 *
 * @param token the Token entered in the account's server configuration (3 to 32 letters
 * or digits)
 * @param appId the account's AppID
 * @param secret the account's AppSecret, for the customer-service message API
 * @param aesKey the 43-character EncodingAESKey; empty when the account uses plain mode
 * only
 * @param apiUrl the WeChat API server: {@code scheme://host[:port]}, no path (tests and
 * proxies)
 * @param menu whether to publish the topic menu through the menu API at start-up
 * @param replyWithin how long a callback waits for the answer before it replies
 * {@code success} and sends the answer through the customer-service API instead (WeChat
 * gives up after 5 seconds)
 * @param maxBodyBytes the largest callback body read at all; larger ones are refused
 * before parsing
 * @param maxMessageBytes the longest text sent in one message, in UTF-8 bytes
 * @param choicesRemembered how long the numbered choices of a reply can be picked by
 * replying their number
 * @param delivery how customer-service messages are paced and retried
 */
@ConfigurationProperties("bot.wechat")
public record WeChatSettings(@DefaultValue("") String token, @DefaultValue("") String appId,
		@DefaultValue("") String secret, @DefaultValue("") String aesKey,
		@DefaultValue("https://api.weixin.qq.com") URI apiUrl, @DefaultValue("false") boolean menu,
		@DefaultValue("4s") Duration replyWithin, @DefaultValue("65536") int maxBodyBytes,
		@DefaultValue("2000") int maxMessageBytes, @DefaultValue("30m") Duration choicesRemembered,
		@DefaultValue Delivery delivery) {

	/**
	 * Customer-service messages ({@code bot.wechat.delivery.*}).
	 *
	 * @param perSecond messages sent per second at most, over all citizens
	 * @param maxAttempts attempts per message, the first included
	 * @param initialBackoff the wait before the first retry (doubling up to
	 * {@code maxBackoff})
	 * @param maxBackoff the longest wait between attempts, unless WeChat asks for longer
	 */
	public record Delivery(@DefaultValue("20") int perSecond, @DefaultValue("4") int maxAttempts,
			@DefaultValue("1s") Duration initialBackoff, @DefaultValue("20s") Duration maxBackoff) {

		public Delivery {
			if (perSecond < 1 || maxAttempts < 1 || initialBackoff.isNegative() || initialBackoff.isZero()
					|| maxBackoff.compareTo(initialBackoff) < 0) {
				throw new IllegalArgumentException("bot.wechat.delivery: per-second and max-attempts are at least 1,"
						+ " initial-backoff is positive and max-backoff at least as long");
			}
		}

	}

	public WeChatSettings {
		token = strip(token);
		appId = strip(appId);
		secret = strip(secret);
		aesKey = strip(aesKey);
		if (replyWithin.isNegative() || replyWithin.isZero() || replyWithin.toMillis() > 4_500) {
			throw new IllegalArgumentException("bot.wechat.reply-within must be positive and at most 4.5s:"
					+ " WeChat drops a callback after 5 seconds");
		}
		if (maxBodyBytes < 512) {
			throw new IllegalArgumentException("bot.wechat.max-body-bytes must be at least 512");
		}
		if (maxMessageBytes < 200 || maxMessageBytes > 2048) {
			throw new IllegalArgumentException("bot.wechat.max-message-bytes must be between 200 and 2048");
		}
		if (choicesRemembered.isNegative() || choicesRemembered.isZero()) {
			throw new IllegalArgumentException("bot.wechat.choices-remembered must be positive");
		}
	}

	boolean enabled() {
		return !token.isEmpty() && !appId.isEmpty();
	}

	boolean safeMode() {
		return !aesKey.isEmpty();
	}

	@Override
	public String toString() {
		return "WeChatSettings[token=" + mask(token) + ", appId=" + appId + ", secret=" + mask(secret) + ", aesKey="
				+ mask(aesKey) + ", apiUrl=" + apiUrl + ", menu=" + menu + ", replyWithin=" + replyWithin
				+ ", maxBodyBytes=" + maxBodyBytes + ", maxMessageBytes=" + maxMessageBytes + ", choicesRemembered="
				+ choicesRemembered + ", delivery=" + delivery + "]";
	}

	private static String mask(String secret) {
		return secret.isEmpty() ? "<unset>" : "<set>";
	}

	private static String strip(String value) {
		return value == null ? "" : value.strip();
	}

}
