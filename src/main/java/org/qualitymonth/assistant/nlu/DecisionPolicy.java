package org.qualitymonth.assistant.nlu;

import java.util.List;

/**
 * Turns a classification into answer, suggest or decline. Declining needs two signals to agree
 * on the question being in scope: the classifier's probability (which is over-confident on
 * questions sharing a word with the notice) and the similarity to the nearest staff-written example.
 */
public final class DecisionPolicy {

	private final NluSettings settings;

	public DecisionPolicy(NluSettings settings) {
		this.settings = settings;
	}

	public Decision decide(Classification c) {
		Candidate top = c.top();
		List<Candidate> alternatives = c.ranked()
			.stream()
			.limit(settings.maxSuggestions())
			.filter(x -> x.probability() >= settings.suggestThreshold() / 2 && x.similarity() >= settings.minSimilarity())
			.toList();
		boolean inScope = c.outOfScope() < settings.scopeThreshold() && top.similarity() >= settings.minSimilarity();
		if (inScope && top.probability() >= settings.answerThreshold()) {
			return new Decision(Outcome.ANSWERED, List.of(top), top.probability());
		}
		if (inScope && top.probability() >= settings.suggestThreshold() && alternatives.size() > 1) {
			return new Decision(Outcome.SUGGESTED, alternatives, top.probability());
		}
		if (inScope && top.probability() >= settings.suggestThreshold()) {
			return new Decision(Outcome.ANSWERED, List.of(top), top.probability());
		}
		return new Decision(Outcome.DECLINED, c.ranked().stream().limit(settings.maxSuggestions()).toList(),
				top.probability());
	}

}
