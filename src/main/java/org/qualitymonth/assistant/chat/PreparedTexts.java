package org.qualitymonth.assistant.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.qualitymonth.assistant.nlu.AskerScript;
import org.qualitymonth.assistant.nlu.TextNormalizer;

/**
 * A citizen's text as the rest of the answer reads it: normalised, and the language and
 * script to answer in. Most questions are repeats word for word, and normalising (regular
 * expressions) and telling the script (a pass through the traditional and simplified
 * dictionaries) cost more than the cached answer itself, so both are kept per raw text.
 * Neither depends on the knowledge, so a reload leaves them valid.
 */
final class PreparedTexts {

	/**
	 * Longer texts are long messages, seldom repeated word for word; they are prepared
	 * each time rather than crowd the cache.
	 */
	static final int MAX_CACHED_LENGTH = 200;

	record Prepared(String normalized, AskerScript asker) {
	}

	private final TextNormalizer normalizer = new TextNormalizer();

	private final Cache<String, Prepared> cache;

	PreparedTexts(long maximumSize) {
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	Prepared of(String raw) {
		if (raw.length() > MAX_CACHED_LENGTH) {
			return prepare(raw);
		}
		return cache.get(raw, this::prepare);
	}

	private Prepared prepare(String raw) {
		return new Prepared(normalizer.normalize(raw), AskerScript.of(raw));
	}

}
