package org.qualitymonth.assistant.nlu;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answer, suggest or decline, from hand-made classifications. The settings are written
 * out (the shipped defaults) so that every number below can be checked by hand: answer at
 * 0.5, decline under 0.1 or under similarity 0.2, at most 3 choices, out of scope from a
 * score of 0.2, where the score is
 * {@code outOfScope + 1.0 × (off-topic similarity − best in-scope similarity) − 0.5 × top probability}.
 */
class DecisionPolicyTest {

	private static final NluSettings SETTINGS = new NluSettings("MAXENT", 100, 0.5, 0.5, 0.1, 0.2, 3, 0.2, 1.0, 0.5);

	private final DecisionPolicy policy = new DecisionPolicy(SETTINGS);

	private static Classification inScope(Candidate... ranked) {
		return new Classification(List.of(ranked), 0.0, 0.0);
	}

	private static Candidate candidate(String intent, double probability) {
		return new Candidate(intent, probability, 0.6);
	}

	@Test
	void answersTheTopIntentAloneAtTheAnswerThreshold() {
		Candidate theme = candidate("theme", 0.5);
		Decision decision = policy.decide(inScope(theme, candidate("dates", 0.3), candidate("organizers", 0.2)));
		assertThat(decision.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(decision.choices()).containsExactly(theme);
		assertThat(decision.intent()).isEqualTo("theme");
		assertThat(decision.confidence()).isEqualTo(0.5);
	}

	@Test
	void suggestsJustBelowTheAnswerThresholdWithTheBestGuessFirst() {
		Candidate theme = candidate("theme", 0.49);
		Candidate dates = candidate("dates", 0.3);
		Decision decision = policy.decide(inScope(theme, dates));
		assertThat(decision.outcome()).isEqualTo(Outcome.SUGGESTED);
		assertThat(decision.choices()).containsExactly(theme, dates);
		assertThat(decision.intent()).isEqualTo("theme");
		assertThat(decision.confidence()).isEqualTo(0.49);
	}

	@Test
	void anUnsureBestGuessWithoutRunnersUpIsStillOnlySuggested() {
		Candidate theme = candidate("theme", 0.3);
		Decision decision = policy.decide(inScope(theme));
		assertThat(decision.outcome()).isEqualTo(Outcome.SUGGESTED);
		assertThat(decision.choices()).containsExactly(theme);
	}

	@Test
	void offersOnlyRunnersUpWithAtLeastAQuarterOfTheTopProbability() {
		Candidate theme = candidate("theme", 0.44);
		Candidate dates = candidate("dates", 0.12);
		Decision decision = policy.decide(inScope(theme, dates, candidate("organizers", 0.105)));
		assertThat(decision.outcome()).isEqualTo(Outcome.SUGGESTED);
		assertThat(decision.choices()).containsExactly(theme, dates);
	}

	@Test
	void offersOnlyRunnersUpThatCouldBeAFollowUp() {
		Candidate theme = candidate("theme", 0.44);
		Candidate dates = candidate("dates", 0.12);
		Candidate farFromAnyExample = new Candidate("contact", 0.3, 0.19);
		Decision decision = policy.decide(inScope(theme, farFromAnyExample, dates));
		assertThat(decision.choices()).containsExactly(theme, dates);
	}

	@Test
	void offersAtMostMaxSuggestionsChoices() {
		Decision decision = policy
			.decide(inScope(candidate("a", 0.3), candidate("b", 0.25), candidate("c", 0.2), candidate("d", 0.2)));
		assertThat(decision.choices()).extracting(Candidate::intent).containsExactly("a", "b", "c");
	}

	@Test
	void equalProbabilitiesKeepTheRankedOrder() {
		Decision decision = policy.decide(inScope(candidate("dates", 0.4), candidate("theme", 0.4)));
		assertThat(decision.outcome()).isEqualTo(Outcome.SUGGESTED);
		assertThat(decision.choices()).extracting(Candidate::intent).containsExactly("dates", "theme");
	}

	@Test
	void declinesUnderTheSuggestThresholdAndKeepsTheLikeliestIntentsForStaff() {
		Decision decision = policy
			.decide(inScope(candidate("a", 0.09), candidate("b", 0.08), candidate("c", 0.07), candidate("d", 0.06)));
		assertThat(decision.outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(decision.intent()).isNull();
		assertThat(decision.confidence()).isEqualTo(0.09);
		assertThat(decision.choices()).extracting(Candidate::intent).containsExactly("a", "b", "c");
	}

	@Test
	void declinesAConfidentIntentWhoseNearestExampleIsTooFar() {
		Decision decision = policy.decide(inScope(new Candidate("theme", 0.9, 0.19)));
		assertThat(decision.outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(policy.decide(inScope(new Candidate("theme", 0.9, 0.2))).outcome()).isEqualTo(Outcome.ANSWERED);
	}

	@Test
	void declinesFromTheScopeThresholdOn() {
		// score = outOfScope + (0.6 - 0.6) - 0.5 × 0.6 = outOfScope - 0.3
		Candidate theme = candidate("theme", 0.6);
		assertThat(policy.decide(new Classification(List.of(theme), 0.5, 0.6)).outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(policy.decide(new Classification(List.of(theme), 0.49, 0.6)).outcome()).isEqualTo(Outcome.ANSWERED);
	}

	@Test
	void aCloserOffTopicExampleTipsTheBalanceToDeclining() {
		Candidate theme = new Candidate("theme", 0.9, 0.3);
		// 0 + (1.0 - 0.3) - 0.45 = 0.25: declined; 0 + (0.3 - 0.3) - 0.45 < 0.2: answered
		assertThat(policy.decide(new Classification(List.of(theme), 0.0, 1.0)).outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(policy.decide(new Classification(List.of(theme), 0.0, 0.3)).outcome()).isEqualTo(Outcome.ANSWERED);
	}

	@Test
	void theScoreWeightsComeFromTheSettings() {
		// 0.3 + 0 - 0.5 × 0.9 < 0.2 with the intent model's confidence counted; 0.3 ≥ 0.2
		// without it
		Classification c = new Classification(List.of(candidate("theme", 0.9)), 0.3, 0.6);
		NluSettings noConfidenceWeight = new NluSettings("MAXENT", 100, 0.5, 0.5, 0.1, 0.2, 3, 0.2, 1.0, 0.0);
		assertThat(policy.decide(c).outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(new DecisionPolicy(noConfidenceWeight).decide(c).outcome()).isEqualTo(Outcome.DECLINED);
	}

	@Test
	void declinesTextWithNothingToClassify() {
		Decision decision = policy.decide(Classification.empty());
		assertThat(decision.outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(decision.choices()).isEmpty();
		assertThat(decision.intent()).isNull();
		assertThat(decision.confidence()).isZero();
	}

	@Test
	void isConfidentFromTheAnswerThresholdOn() {
		assertThat(policy.isConfident(0.5)).isTrue();
		assertThat(policy.isConfident(0.49)).isFalse();
		assertThat(policy.isConfident(new Decision(Outcome.SUGGESTED, List.of(), 0.5))).isTrue();
		assertThat(policy.isConfident(new Decision(Outcome.ANSWERED, List.of(), 0.49))).isFalse();
	}

	@Test
	void aFollowUpNeedsTheSuggestThresholdAndTheMinimumSimilarity() {
		assertThat(policy.supportsFollowUp(new Candidate("dates", 0.1, 0.2))).isTrue();
		assertThat(policy.supportsFollowUp(new Candidate("dates", 0.09, 0.9))).isFalse();
		assertThat(policy.supportsFollowUp(new Candidate("dates", 0.9, 0.19))).isFalse();
	}

	@Test
	void shortlistsForFollowUpsTheHeadOfTheRankingDownToTheSuggestionThreshold() {
		Candidate theme = candidate("theme", 0.44);
		Candidate farFromAnyExample = new Candidate("contact", 0.3, 0.19);
		Candidate dates = candidate("dates", 0.1);
		Classification c = inScope(theme, farFromAnyExample, dates, candidate("organizers", 0.09),
				candidate("slogans", 0.01));
		// the far one stays: what is kept is a ranking, each candidate still checked on
		// its own
		assertThat(policy.followUpShortlist(c)).containsExactly(theme, farFromAnyExample, dates);
		assertThat(policy.followUpShortlist(inScope(candidate("theme", 0.09)))).isEmpty();
	}

}
