package org.qualitymonth.assistant.chat;

import java.time.Duration;

import org.springframework.modulith.NamedInterface;

/**
 * Port: the previous turn of each conversation, so that "那邮箱呢" on one replica is read
 * against "联系人是谁" asked on another. In memory by default ({@link ConversationMemory}); in
 * Redis in replicated mode (package cluster). Entries are forgotten after the
 * conversation has been idle for {@code bot.chat.session-idle}.
 */
@NamedInterface("ports")
public interface ContextStore {

	/**
	 * The previous turn of a session: the topic it was answered with and its normalised
	 * text.
	 */
	record Turn(String intent, String normalizedText) {
	}

	/**
	 * The previous turn of {@code sessionId}; null when there is none (or the session id
	 * is null).
	 */
	Turn previous(String sessionId);

	/**
	 * Remembers {@code turn} as the latest of {@code sessionId}; nothing when the session
	 * id is null.
	 */
	void remember(String sessionId, Turn turn);

	/**
	 * The embedded default: the turns of at most {@code maxSessions} sessions in this
	 * process, each forgotten after {@code idle}.
	 */
	static ContextStore inMemory(Duration idle, long maxSessions) {
		return new ConversationMemory(idle, maxSessions);
	}

}
