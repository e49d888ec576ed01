package org.qualitymonth.assistant.channel.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a chat, user or openid appears in the logs of every channel: a keyed hash that
 * changes with every start, enough to follow one conversation through the log and useless
 * for finding the citizen. (The query log keeps its own salted pseudonym of the
 * conversation key.)
 */
public final class LogPseudonyms {

	private final SecretKeySpec key;

	public LogPseudonyms() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** A short pseudonym such as {@code #3fa2c1d0}, stable until the next start. */
	public String of(String id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal(String.valueOf(id).getBytes(StandardCharsets.UTF_8));
			return "#" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
