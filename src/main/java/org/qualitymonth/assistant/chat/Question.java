package org.qualitymonth.assistant.chat;

import java.util.Objects;

/**
 * One question as a channel hands it over.
 *
 * @param text what the citizen typed
 * @param sessionId the conversation it belongs to (for follow-ups); may be null
 * @param channel where it came from: web, telegram, api, cli
 */
public record Question(String text, String sessionId, String channel) {

	public Question {
		Objects.requireNonNull(text, "text");
		channel = channel == null ? "api" : channel;
	}

}
