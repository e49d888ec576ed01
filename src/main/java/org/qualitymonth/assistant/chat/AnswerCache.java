package org.qualitymonth.assistant.chat;

import java.util.List;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.qualitymonth.assistant.nlu.Candidate;

/**
 * Readings of questions by (knowledge version, normalised text). Keyed by version, so a
 * reload can never serve an answer of the previous snapshot; cleared on reload as well to
 * free the memory.
 */
final class AnswerCache {

	private record Key(String version, String normalizedText) {
	}

	private final Cache<Key, Reading> cache;

	/**
	 * The head of each question's ranking, for reading it as a follow-up: a short
	 * follow-up is asked again and again in different conversations, and classifying it
	 * anew each time cost as much as the rest of the answer.
	 */
	private final Cache<Key, List<Candidate>> shortlists;

	AnswerCache(long maximumSize) {
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build();
		this.shortlists = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	Reading get(String version, String normalizedText, Function<String, Reading> decide) {
		return cache.get(new Key(version, normalizedText), key -> decide.apply(key.normalizedText()));
	}

	List<Candidate> followUpShortlist(String version, String normalizedText,
			Function<String, List<Candidate>> shortlist) {
		return shortlists.get(new Key(version, normalizedText), key -> shortlist.apply(key.normalizedText()));
	}

	void clear() {
		cache.invalidateAll();
		shortlists.invalidateAll();
	}

	/** The underlying cache, for metrics. */
	Cache<?, ?> caffeine() {
		return cache;
	}

}
