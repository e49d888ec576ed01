package org.qualitymonth.assistant.chat;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** The last topic of each session, so that "那邮箱呢" can be read against "联系人是谁". */
final class ConversationMemory {

	/** The previous turn of a session. */
	record Turn(String intent, String normalizedText) {
	}

	private final Cache<String, Turn> turns;

	ConversationMemory(Duration idle, long maxSessions) {
		this.turns = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(maxSessions).build();
	}

	Turn previous(String sessionId) {
		return sessionId == null ? null : turns.getIfPresent(sessionId);
	}

	void remember(String sessionId, Turn turn) {
		if (sessionId != null) {
			turns.put(sessionId, turn);
		}
	}

	void clear() {
		turns.invalidateAll();
	}

}
