package org.qualitymonth.assistant.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How an openid appears in logs: a keyed hash that changes with every start, enough to follow one
 * conversation through the log and useless for finding the citizen. (The query log keeps its own salted
 * pseudonym of the conversation key.)
 */
final class OpenIds {

	private final SecretKeySpec key;

	OpenIds() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	String pseudonym(String openId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			byte[] digest = mac.doFinal(String.valueOf(openId).getBytes(StandardCharsets.UTF_8));
			return "#" + HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
