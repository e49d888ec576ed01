package org.qualitymonth.assistant.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What may appear in logs. Chats are named by a keyed hash that changes with every start (enough
 * to follow one conversation through the log, useless for finding the citizen), and the token is
 * cut out of any error text before it is logged, in case a library ever puts the URL in one.
 */
final class Privacy {

	private final String token;

	private final SecretKeySpec key;

	Privacy(String token) {
		this.token = token;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** A short pseudonym for a chat or user id, stable until the next start. */
	String pseudonym(long id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
			return "#" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** The message of {@code error} and its causes, with the token removed. */
	String describe(Throwable error) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = error; t != null && text.length() < 1000; t = t.getCause()) {
			if (text.length() > 0) {
				text.append(" <- ");
			}
			text.append(t.getClass().getSimpleName());
			if (t.getMessage() != null) {
				text.append(": ").append(t.getMessage());
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return redact(text.toString());
	}

	String redact(String text) {
		if (text == null || token.isEmpty()) {
			return text;
		}
		String redacted = text.replace(token, "<token>");
		int colon = token.indexOf(':');
		// the secret half alone is the dangerous part
		return colon > 0 && colon < token.length() - 1 ? redacted.replace(token.substring(colon + 1), "<token>")
				: redacted;
	}

}
