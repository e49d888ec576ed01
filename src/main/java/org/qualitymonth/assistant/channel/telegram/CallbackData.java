package org.qualitymonth.assistant.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an inline button does, encoded in its {@code callback_data}, which Telegram limits
 * to 64 bytes: {@code c:<intent>} answers an intent, {@code m} shows the menu,
 * {@code f:<reply id>:1|0} rates a reply. Anything else (a stale or forged button)
 * decodes to empty.
 */
sealed interface CallbackData {

	/** Telegram's limit for {@code callback_data}, in bytes. */
	int MAX_BYTES = 64;

	/** Answer this intent. */
	record Choose(String intent) implements CallbackData {
	}

	/** Show the main topics. */
	record Menu() implements CallbackData {
	}

	/** 👍 or 👎 on the reply with this id. */
	record Feedback(String replyId, boolean helpful) implements CallbackData {
	}

	Pattern CHOOSE = Pattern.compile("c:([a-z][a-z0-9_]*)");

	Pattern FEEDBACK = Pattern.compile("f:([A-Za-z0-9_-]{1,60}):([01])");

	/**
	 * The encoded form, or empty when it would not fit in 64 bytes (e.g. an over-long
	 * intent id).
	 */
	static Optional<String> encode(CallbackData data) {
		String encoded;
		if (data instanceof Choose choose) {
			encoded = "c:" + choose.intent();
		}
		else if (data instanceof Feedback feedback) {
			encoded = "f:" + feedback.replyId() + ":" + (feedback.helpful() ? "1" : "0");
		}
		else {
			encoded = "m";
		}
		return encoded.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES ? Optional.of(encoded) : Optional.empty();
	}

	static Optional<CallbackData> decode(String data) {
		if (data == null || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.empty();
		}
		if (data.equals("m")) {
			return Optional.of(new Menu());
		}
		Matcher choose = CHOOSE.matcher(data);
		if (choose.matches()) {
			return Optional.of(new Choose(choose.group(1)));
		}
		Matcher feedback = FEEDBACK.matcher(data);
		if (feedback.matches()) {
			return Optional.of(new Feedback(feedback.group(1), feedback.group(2).equals("1")));
		}
		return Optional.empty();
	}

}
