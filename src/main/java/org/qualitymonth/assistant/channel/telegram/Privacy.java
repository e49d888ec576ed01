package org.qualitymonth.assistant.channel.telegram;

import org.qualitymonth.assistant.channel.delivery.LogPseudonyms;

/**
 * What may appear in logs. Chats are named by a keyed hash that changes with every start
 * (enough to follow one conversation through the log, useless for finding the citizen),
 * and the token is cut out of any error text before it is logged, in case a library ever
 * puts the URL in one.
 */
final class Privacy {

	private final String token;

	private final LogPseudonyms pseudonyms = new LogPseudonyms();

	Privacy(String token) {
		this.token = token;
	}

	/** A short pseudonym for a chat or user id, stable until the next start. */
	String pseudonym(long id) {
		return pseudonyms.of(Long.toString(id));
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
