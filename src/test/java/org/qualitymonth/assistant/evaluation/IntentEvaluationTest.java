package org.qualitymonth.assistant.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.nlu.NluSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation report run in the suite: cross-validation over the intent files, the
 * project's held-out files (written apart from the examples) per kind of question, the
 * ablation and the textbook baseline, held to thresholds.
 */
class IntentEvaluationTest {

	private static EvaluationCommand.Result result;

	private static String report;

	@BeforeAll
	static void evaluate() throws Exception {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		result = EvaluationCommand.run(Path.of("intents"), Path.of("seeds/000_6176395c013b77c3.txt"),
				Path.of("src/test/resources/eval"), 5, NluSettings.defaults(),
				new PrintStream(buffer, true, StandardCharsets.UTF_8));
		report = buffer.toString(StandardCharsets.UTF_8);
		System.out.println(report);
	}

	@Test
	void crossValidatedIntentsAreRecognised() {
		assertThat(result.crossValidation().inScopeAccuracy()).isGreaterThanOrEqualTo(0.80);
		assertThat(result.crossValidation().macroF1()).isGreaterThanOrEqualTo(0.82);
	}

	@Test
	void crossValidatedOffTopicQuestionsAreDeclined() {
		assertThat(result.crossValidation().outOfScopeDeclineRate()).isGreaterThanOrEqualTo(0.85);
	}

	@Test
	void everyKindOfHeldOutQuestionIsAnsweredWithTheRightFactsOrDeclined() {
		var rates = result.engine().rates();
		assertThat(rates).containsKeys("in", "oos", "long", "tradreply", "enreply", "dialog");
		assertThat(rates.get("in")).isGreaterThanOrEqualTo(0.93);
		assertThat(rates.get("oos")).isGreaterThanOrEqualTo(0.93);
		assertThat(rates.get("long")).isGreaterThanOrEqualTo(0.85);
		assertThat(rates.get("tradreply")).isGreaterThanOrEqualTo(0.90);
		assertThat(rates.get("enreply")).isGreaterThanOrEqualTo(0.80);
		assertThat(rates.get("dialog")).isGreaterThanOrEqualTo(0.90);
	}

	@Test
	void offTopicQuestionsAreRarelyAnsweredOutright() {
		assertThat(result.engine().confidentWrongRate()).isLessThanOrEqualTo(0.03);
	}

	@Test
	void singleFactQuestionsGetShortAnswers() {
		assertThat(result.engine().factAnswerLengths()).hasSizeGreaterThan(20);
		assertThat(HeldOutScore.median(result.engine().factAnswerLengths())).isLessThan(60);
	}

	@Test
	void engineIsClearlyAheadOfTheTextbookBaselineAndOfEachAblation() {
		assertThat(result.engine().overall()).isGreaterThanOrEqualTo(result.baseline().overall() + 0.05);
		result.ablation().forEach((name, score) -> {
			if (score != result.engine()) {
				assertThat(result.engine().overall()).as(name).isGreaterThan(score.overall());
			}
		});
	}

	@Test
	void reportHasTheAblationTableAndTheBaseline() {
		assertThat(report).contains("precision", "recall", "Confusions", "Ablation", "n-grams alone",
				"textbook baseline", "oos-answered", "median answer");
	}

}
