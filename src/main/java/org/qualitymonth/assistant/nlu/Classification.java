package org.qualitymonth.assistant.nlu;

import java.util.List;

/**
 * What the classifier makes of one question.
 *
 * @param ranked answerable intents, most probable first
 * @param outOfScope probability of the out-of-scope class
 * @param outOfScopeSimilarity similarity to the nearest out-of-scope example
 */
public record Classification(List<Candidate> ranked, double outOfScope, double outOfScopeSimilarity) {

	private static final Candidate NOTHING = new Candidate("", 0, 0);

	public Classification {
		ranked = List.copyOf(ranked);
	}

	/** Similarity to the nearest answerable example of any intent. */
	public double inScopeSimilarity() {
		return ranked.stream().mapToDouble(Candidate::similarity).max().orElse(0);
	}

	/**
	 * How strongly the question looks off-topic: the scope model's probability, raised by
	 * how much closer the nearest off-topic example is than the nearest answerable one,
	 * and lowered by how sure the intent model is. Cross-validation showed the three
	 * together separate near misses better than any one alone.
	 */
	public double outOfScopeScore(double similarityWeight, double confidenceWeight) {
		return outOfScope + similarityWeight * (outOfScopeSimilarity - inScopeSimilarity())
				- confidenceWeight * top().probability();
	}

	/**
	 * The most probable intent; a zero-probability placeholder when nothing could be
	 * ranked.
	 */
	public Candidate top() {
		return ranked.isEmpty() ? NOTHING : ranked.get(0);
	}

	/**
	 * For text with nothing to classify (only punctuation or emoji, say): certainly
	 * off-topic.
	 */
	public static Classification empty() {
		return new Classification(List.of(), 1, 0);
	}

}
