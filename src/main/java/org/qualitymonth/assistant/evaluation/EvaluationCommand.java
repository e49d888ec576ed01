package org.qualitymonth.assistant.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.ReadingFeatures;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.InvalidKnowledgeException;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.NluSettings;
import org.qualitymonth.assistant.nlu.Outcome;

/**
 * {@code eval}: k-fold cross-validation over the intent examples, then every held-out
 * file of the test directory ({@code *.tsv}, and conversations in {@code dialogs/*.json})
 * scored per kind of question, an ablation table (the engine with parts of question
 * reading turned off) and the textbook baseline trained on the same intent files, so that
 * design choices are made by numbers.
 */
public final class EvaluationCommand {

	/** The variants of the ablation table, the full engine last. */
	static final Map<String, ReadingFeatures> VARIANTS = variants();

	/** The outcome, for the test suite to hold to thresholds. */
	public record Result(EvaluationReport crossValidation, List<HeldOutScore> heldOut, HeldOutScore engine,
			Map<String, HeldOutScore> ablation, HeldOutScore baseline) {
	}

	private EvaluationCommand() {
	}

	public static Result run(Path intents, Path notice, Path testDir, int folds, NluSettings settings, PrintStream out)
			throws IOException, InvalidKnowledgeException {
		KnowledgeBase kb = StandaloneAssistant.load(intents, notice, 1);
		EvaluationReport cv = new EvaluationReport(CrossValidation.run(kb, settings, folds, 42));
		cv.print(out);
		List<Path> files = testFiles(testDir);
		Function<ReadingFeatures, ChatService> variants = StandaloneAssistant.variants(kb, settings);
		Map<String, HeldOutScore> ablation = new LinkedHashMap<>();
		List<HeldOutScore> perFile = List.of();
		for (Map.Entry<String, ReadingFeatures> variant : VARIANTS.entrySet()) {
			List<HeldOutScore> scores = score(files, new EngineAsker(variants.apply(variant.getValue())));
			ablation.put(variant.getKey(), HeldOutScore.merge(variant.getKey(), scores));
			perFile = scores;
		}
		HeldOutScore engine = ablation.get("full engine");
		for (HeldOutScore file : perFile) {
			out.printf("Held-out %s: %s%n", file.name(), file.summary());
			file.failures().forEach(f -> out.println("  FAIL " + f));
		}
		TextbookBaseline textbook = new TextbookBaseline(kb);
		HeldOutScore baseline = HeldOutScore.merge("textbook baseline", score(files, session -> textbook::ask));
		printTable(out, ablation, baseline);
		out.printf("single-fact questions: median answer %.0f characters (%d answers)%n",
				HeldOutScore.median(engine.factAnswerLengths()), engine.factAnswerLengths().size());
		out.printf("engine %.3f vs textbook baseline %.3f (threshold %.2f): %+.1f points%n", engine.overall(),
				baseline.overall(), textbook.threshold(), 100 * (engine.overall() - baseline.overall()));
		return new Result(cv, perFile, engine, ablation, baseline);
	}

	/**
	 * Per kind (columns) and variant (rows): the share passed, the overall share and the
	 * confident-wrong rate.
	 */
	private static void printTable(PrintStream out, Map<String, HeldOutScore> ablation, HeldOutScore baseline) {
		TreeSet<String> kinds = new TreeSet<>();
		ablation.values().forEach(s -> kinds.addAll(s.rates().keySet()));
		out.printf("%nAblation on the held-out files (share passed per kind)%n%-34s", "variant");
		kinds.forEach(k -> out.printf("%10s", k));
		out.printf("%10s%14s%n", "overall", "oos-answered");
		List<HeldOutScore> rows = new ArrayList<>(ablation.values());
		rows.add(baseline);
		for (HeldOutScore row : rows) {
			out.printf("%-34s", row.name());
			kinds.forEach(k -> out.printf("%10s",
					row.rates().containsKey(k) ? String.format("%.3f", row.rates().get(k)) : "-"));
			out.printf("%10.3f%14.3f%n", row.overall(), row.confidentWrongRate());
		}
	}

	/** Asks every question of every file; a conversation's turns share one session. */
	private static List<HeldOutScore> score(List<Path> files,
			Function<String, Function<String, HeldOutScore.Answer>> asker) throws IOException {
		List<HeldOutScore> scores = new ArrayList<>();
		int session = 0;
		for (Path file : files) {
			String name = file.getFileName().toString();
			if (name.endsWith(".json")) {
				HeldOutScore score = new HeldOutScore(name);
				for (TestDialog dialog : TestDialog.read(file)) {
					Function<String, HeldOutScore.Answer> ask = asker.apply("dialog-" + session++);
					dialog.turns().forEach(turn -> score.add(turn, ask.apply(turn.question())));
				}
				scores.add(score);
			}
			else {
				List<TestQuestion> questions = TestQuestion.read(file);
				HeldOutScore score = new HeldOutScore(name);
				for (TestQuestion q : questions) {
					score.add(q, asker.apply("eval-" + session++).apply(q.question()));
				}
				scores.add(score);
			}
		}
		return scores;
	}

	/** The engine through the chat service, one session per question or conversation. */
	private record EngineAsker(ChatService chat) implements Function<String, Function<String, HeldOutScore.Answer>> {
		@Override
		public Function<String, HeldOutScore.Answer> apply(String session) {
			return text -> {
				Reply reply = chat.ask(new Question(text, session, "cli"));
				return new HeldOutScore.Answer(reply.answered(), reply.outcome() == Outcome.ANSWERED, reply.answer(),
						reply.intent());
			};
		}
	}

	private static Map<String, ReadingFeatures> variants() {
		Map<String, ReadingFeatures> variants = new LinkedHashMap<>();
		variants.put("n-grams alone", ReadingFeatures.NGRAMS_ONLY);
		variants.put("+ answerability", new ReadingFeatures(true, false, false));
		variants.put("+ answerability + entities", new ReadingFeatures(true, true, false));
		variants.put("full engine - answerability", new ReadingFeatures(false, true, true));
		variants.put("full engine - entities", new ReadingFeatures(true, false, true));
		variants.put("full engine", ReadingFeatures.ALL);
		return variants;
	}

	private static List<Path> testFiles(Path dir) throws IOException {
		if (dir == null || !Files.isDirectory(dir)) {
			return List.of();
		}
		List<Path> files = new ArrayList<>();
		try (Stream<Path> list = Files.list(dir)) {
			list.filter(f -> f.toString().endsWith(".tsv")).sorted().forEach(files::add);
		}
		Path dialogs = dir.resolve("dialogs");
		if (Files.isDirectory(dialogs)) {
			try (Stream<Path> list = Files.list(dialogs)) {
				list.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
			}
		}
		return files;
	}

}
