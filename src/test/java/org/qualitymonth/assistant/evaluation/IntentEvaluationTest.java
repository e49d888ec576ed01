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
 * The evaluation report run in the suite: cross-validation over the intent files and the
 * project's held-out test files, held to thresholds.
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
		// measured 0.83 and 0.85 with the shipped intents; a drop means an edit confused intents
		assertThat(result.crossValidation().inScopeAccuracy()).isGreaterThanOrEqualTo(0.80);
		assertThat(result.crossValidation().macroF1()).isGreaterThanOrEqualTo(0.82);
	}

	@Test
	void crossValidatedOffTopicQuestionsAreDeclined() {
		// measured 0.88: the off-topic examples are mostly hard near misses
		assertThat(result.crossValidation().outOfScopeDeclineRate()).isGreaterThanOrEqualTo(0.85);
	}

	@Test
	void heldOutQuestionsAreAnsweredWithTheRightFactsOrDeclined() {
		assertThat(result.heldOut()).isNotEmpty();
		for (EvaluationReport.HeldOut heldOut : result.heldOut()) {
			// measured 0.965 and 0.95 on questions written apart from the training examples
			assertThat(heldOut.inScopeRate()).isGreaterThanOrEqualTo(0.93);
			assertThat(heldOut.outOfScopeRate()).isGreaterThanOrEqualTo(0.93);
		}
	}

	@Test
	void reportListsPerIntentScoresAndConfusions() {
		assertThat(report).contains("precision", "recall", "f1", "Confusions", "out-of-scope decline rate");
	}

}
