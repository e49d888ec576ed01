package org.qualitymonth.assistant.admin;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How alike two questions are in meaning, for grouping the review list: cosine over
 * character 1-, 2- and 3-grams weighted by inverse document frequency in the intent
 * examples. The weighting is what makes it work for Chinese: "是什么", "质量月" and "活动" occur
 * in hundreds of examples and count for little, while the words of a topic the bot does
 * not know yet (吉祥物, 纪念品) occur in none and carry the comparison.
 */
final class QuestionSimilarity {

	private final Map<String, Integer> documentFrequency = new HashMap<>();

	private final int documents;

	/**
	 * @param corpus the texts that say which character sequences are common (the intent
	 * examples)
	 */
	QuestionSimilarity(Collection<String> corpus) {
		for (String text : corpus) {
			for (String gram : grams(text).keySet()) {
				documentFrequency.merge(gram, 1, Integer::sum);
			}
		}
		this.documents = corpus.size();
	}

	/** A question as weighted n-grams, normalised to length 1. */
	Map<String, Double> vector(String text) {
		Map<String, Double> vector = new HashMap<>();
		double norm = 0;
		for (Map.Entry<String, Integer> gram : grams(text).entrySet()) {
			double idf = Math.log((documents + 1.0) / (documentFrequency.getOrDefault(gram.getKey(), 0) + 1.0)) + 1;
			double weight = gram.getValue() * idf * (gram.getKey().length() == 1 ? 0.5 : 1.0);
			vector.put(gram.getKey(), weight);
			norm += weight * weight;
		}
		double length = Math.sqrt(norm);
		if (length > 0) {
			vector.replaceAll((gram, weight) -> weight / length);
		}
		return vector;
	}

	double similarity(String a, String b) {
		return cosine(vector(a), vector(b));
	}

	static double cosine(Map<String, Double> a, Map<String, Double> b) {
		Map<String, Double> small = a.size() <= b.size() ? a : b;
		Map<String, Double> large = small == a ? b : a;
		double dot = 0;
		for (Map.Entry<String, Double> e : small.entrySet()) {
			Double other = large.get(e.getKey());
			if (other != null) {
				dot += e.getValue() * other;
			}
		}
		return dot;
	}

	/**
	 * Letters and digits only, lower case: spaces, punctuation and masks (***) say
	 * nothing about meaning.
	 */
	static String normalise(String text) {
		StringBuilder out = new StringBuilder();
		text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
		return out.toString();
	}

	private static Map<String, Integer> grams(String text) {
		String t = normalise(text);
		Map<String, Integer> grams = new HashMap<>();
		int[] points = t.codePoints().toArray();
		for (int n = 1; n <= 3; n++) {
			Set<String> seen = new HashSet<>();
			for (int i = 0; i + n <= points.length; i++) {
				String gram = new String(points, i, n);
				if (seen.add(gram) || n > 1) {
					grams.merge(gram, 1, Integer::sum);
				}
			}
		}
		return grams;
	}

}
