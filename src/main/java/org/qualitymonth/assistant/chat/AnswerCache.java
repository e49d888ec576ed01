package org.qualitymonth.assistant.chat;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Readings of questions by (knowledge version, normalised text). Keyed by version, so a
 * reload can never serve an answer of the previous snapshot; cleared on reload as well to
 * free the memory.
 */
final class AnswerCache {

	private record Key(String version, String normalizedText) {
	}

	private final Cache<Key, Reading> cache;

	AnswerCache(long maximumSize) {
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
	}

	Reading get(String version, String normalizedText, Function<String, Reading> decide) {
		return cache.get(new Key(version, normalizedText), key -> decide.apply(key.normalizedText()));
	}

	void clear() {
		cache.invalidateAll();
	}

	/** The underlying cache, for metrics. */
	Cache<?, ?> caffeine() {
		return cache;
	}

}
