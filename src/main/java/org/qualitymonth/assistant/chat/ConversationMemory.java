package org.qualitymonth.assistant.chat;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The last topic of each session, in this process: the embedded default of
 * {@link ContextStore}.
 */
final class ConversationMemory implements ContextStore {

	private final Cache<String, Turn> turns;

	ConversationMemory(Duration idle, long maxSessions) {
		this.turns = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(maxSessions).build();
	}

	@Override
	public Turn previous(String sessionId) {
		return sessionId == null ? null : turns.getIfPresent(sessionId);
	}

	@Override
	public void remember(String sessionId, Turn turn) {
		if (sessionId != null) {
			turns.put(sessionId, turn);
		}
	}

	void clear() {
		turns.invalidateAll();
	}

}
