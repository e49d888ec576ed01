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

	public Classification {
		ranked = List.copyOf(ranked);
	}

	public Candidate top() {
		return ranked.get(0);
	}

	public static Classification empty() {
		return new Classification(List.of(new Candidate("", 0, 0)), 1, 0);
	}

}
