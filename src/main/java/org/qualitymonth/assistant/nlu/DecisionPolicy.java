package org.qualitymonth.assistant.nlu;

import java.util.List;

/**
 * Turns a classification into answer, suggest or decline. A question is taken as being
 * about the notice only when the out-of-scope score (scope model and nearest examples
 * together) is low, the best intent is close enough to something staff wrote, and the
 * intent model gives it some weight. Thresholds are chosen by cross-validation (the
 * {@code eval} command).
 */
public final class DecisionPolicy {

	private final NluSettings settings;

	public DecisionPolicy(NluSettings settings) {
		this.settings = settings;
	}

	public Decision decide(Classification c) {
		Candidate top = c.top();
		boolean inScope = c.outOfScopeScore(settings.similarityWeight(),
				settings.confidenceWeight()) < settings.scopeThreshold() && top.similarity() >= settings.minSimilarity()
				&& top.probability() >= settings.suggestThreshold();
		if (!inScope) {
			return new Decision(Outcome.DECLINED, c.ranked().stream().limit(settings.maxSuggestions()).toList(),
					top.probability());
		}
		if (top.probability() >= settings.answerThreshold()) {
			return new Decision(Outcome.ANSWERED, List.of(top), top.probability());
		}
		// Unsure: the best guess with the runners-up that carry real weight as choices.
		// An answer under the
		// threshold is never given as if it were sure, even when there is no runner-up to
		// offer.
		List<Candidate> choices = c.ranked()
			.stream()
			.limit(settings.maxSuggestions())
			.filter(x -> x == top || supportsFollowUp(x) && x.probability() >= top.probability() / 4)
			.toList();
		return new Decision(Outcome.SUGGESTED, choices, top.probability());
	}

	/** Whether the decision's intent cleared the threshold for answering outright. */
	public boolean isConfident(Decision decision) {
		return isConfident(decision.confidence());
	}

	/** Whether a confidence clears the threshold for answering outright. */
	public boolean isConfident(double confidence) {
		return confidence >= settings.answerThreshold();
	}

	/**
	 * The head of a ranking that could carry a follow-up: the candidates above the
	 * suggestion threshold, most probable first. Nothing ranked after them can
	 * {@link #supportsFollowUp support} one, so this much of a classification is all a
	 * follow-up needs kept.
	 */
	public List<Candidate> followUpShortlist(Classification c) {
		return c.ranked().stream().takeWhile(x -> x.probability() >= settings.suggestThreshold()).toList();
	}

	/**
	 * Whether an intent carries enough weight to be offered as a choice, or to be taken
	 * as the meaning of a short follow-up within the previous topic (where the
	 * conversation, not the text alone, says the question is in scope).
	 */
	public boolean supportsFollowUp(Candidate candidate) {
		return candidate.probability() >= settings.suggestThreshold()
				&& candidate.similarity() >= settings.minSimilarity();
	}

}
