package org.qualitymonth.assistant.cluster;

import java.time.Duration;

import io.lettuce.core.GetExArgs;

import org.qualitymonth.assistant.chat.ContextStore;

/**
 * The previous turn of each conversation in Redis, under {@code <prefix>:ctx:<session>},
 * for as long as the conversation stays idle at most {@code bot.chat.session-idle} (each
 * read renews the expiry, as the in-process memory's expire-after-access does). While
 * Redis is away the turns live in this replica only.
 */
final class RedisContextStore implements ContextStore {

	private final SharedRedis redis;

	private final String prefix;

	private final long idleSeconds;

	private final ContextStore fallback;

	RedisContextStore(SharedRedis redis, String keyPrefix, Duration idle, ContextStore fallback) {
		this.redis = redis;
		this.prefix = keyPrefix + ":ctx:";
		this.idleSeconds = Math.max(1, idle.toSeconds());
		this.fallback = fallback;
	}

	@Override
	public Turn previous(String sessionId) {
		if (sessionId == null) {
			return null;
		}
		String value = redis.text(r -> r.getex(prefix + sessionId, GetExArgs.Builder.ex(idleSeconds)), () -> null);
		if (value == null) {
			return redis.away() ? fallback.previous(sessionId) : null;
		}
		return decode(value);
	}

	@Override
	public void remember(String sessionId, Turn turn) {
		if (sessionId == null) {
			return;
		}
		redis.text(r -> r.setex(prefix + sessionId, idleSeconds, encode(turn)), () -> {
			fallback.remember(sessionId, turn);
			return null;
		});
	}

	/**
	 * Intent ids are one line (checked by the loader), so the first line break ends the
	 * id.
	 */
	static String encode(Turn turn) {
		return turn.intent() + "\n" + turn.normalizedText();
	}

	static Turn decode(String value) {
		int end = value.indexOf('\n');
		return end < 0 ? null : new Turn(value.substring(0, end), value.substring(end + 1));
	}

}
