package org.qualitymonth.assistant.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The {@code secret_token} registered with the webhook; Telegram sends it back in
 * {@code X-Telegram-Bot-Api-Secret-Token} on every delivery. Compared in constant time.
 */
final class WebhookSecret {

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,256}");

	private final String value;

	private final byte[] digest;

	private WebhookSecret(String value) {
		this.value = value;
		this.digest = sha256(value);
	}

	/** The configured secret, or a random one when none is configured. */
	static WebhookSecret of(String configured) {
		if (configured == null || configured.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			return new WebhookSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
		}
		if (!ALLOWED.matcher(configured).matches()) {
			throw new IllegalStateException(
					"bot.telegram.webhook.secret must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
							+ " (Telegram's rule for secret_token)");
		}
		return new WebhookSecret(configured);
	}

	String value() {
		return value;
	}

	/**
	 * Whether {@code presented} is the secret; the time taken does not depend on where
	 * they differ, nor on length.
	 */
	boolean matches(String presented) {
		return presented != null && MessageDigest.isEqual(digest, sha256(presented));
	}

	@Override
	public String toString() {
		return "WebhookSecret[******]";
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
