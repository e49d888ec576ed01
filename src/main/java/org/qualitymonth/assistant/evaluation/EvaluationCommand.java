package org.qualitymonth.assistant.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.InvalidKnowledgeException;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.NluSettings;

/**
 * {@code eval}: k-fold cross-validation over the intent examples plus every held-out TSV file in
 * the test directory, printed as a report (like {@code rasa test nlu}).
 */
public final class EvaluationCommand {

	/** The outcome, for the test suite to hold to thresholds. */
	public record Result(EvaluationReport crossValidation, List<EvaluationReport.HeldOut> heldOut) {
	}

	private EvaluationCommand() {
	}

	public static Result run(Path intents, Path notice, Path testDir, int folds, NluSettings settings, PrintStream out)
			throws IOException, InvalidKnowledgeException {
		KnowledgeBase kb = StandaloneAssistant.load(intents, notice, 1);
		EvaluationReport cv = new EvaluationReport(CrossValidation.run(kb, settings, folds, 42));
		cv.print(out);
		ChatService chat = StandaloneAssistant.chatService(kb, settings);
		List<EvaluationReport.HeldOut> results = new ArrayList<>();
		for (Path file : testFiles(testDir)) {
			EvaluationReport.HeldOut result = EvaluationReport.heldOut(chat, TestQuestion.read(file));
			EvaluationReport.print(file.getFileName().toString(), result, out);
			results.add(result);
		}
		return new Result(cv, results);
	}

	private static List<Path> testFiles(Path dir) throws IOException {
		if (dir == null || !Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList();
		}
	}

}
