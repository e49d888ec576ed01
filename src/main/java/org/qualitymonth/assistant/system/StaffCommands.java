package org.qualitymonth.assistant.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.evaluation.EvaluationCommand;
import org.qualitymonth.assistant.knowledge.InvalidKnowledgeException;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.Problem;
import org.qualitymonth.assistant.nlu.NluSettings;

/**
 * The staff tools, run from the built jar without starting the server:
 * {@code validate}, {@code chat} and {@code eval}. Options: {@code --intents=DIR},
 * {@code --notice=FILE}, {@code --tests=DIR}, {@code --folds=N}, {@code --strict} (validate: warnings fail too).
 */
public final class StaffCommands {

	private StaffCommands() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("validate") || args[0].equals("chat") || args[0].equals("eval"));
	}

	/** Runs the tool and returns the process exit code. */
	public static int run(String[] args, PrintStream out) {
		// The tools print their own report; library chatter (OpenNLP's training passes) would bury it.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		Path intents = Path.of(options.getOrDefault("intents", "intents"));
		Path notice = Path.of(options.getOrDefault("notice", "seeds/000_6176395c013b77c3.txt"));
		try {
			KnowledgeBase kb = StandaloneAssistant.load(intents, notice, 10);
			switch (args[0]) {
				case "validate" -> {
					printProblems(kb.warnings(), out);
					out.printf("OK: %d intents, %d examples in %s (version %s), %d warning(s)%n", kb.intents().size(),
							kb.exampleCount(), intents, kb.version(), kb.warnings().size());
					if (options.containsKey("strict") && !kb.warnings().isEmpty()) {
						return 1;
					}
				}
				case "chat" -> chat(StandaloneAssistant.chatService(kb, NluSettings.defaults()), out);
				default -> EvaluationCommand.run(intents, notice,
						Path.of(options.getOrDefault("tests", "src/test/resources/eval")),
						Integer.parseInt(options.getOrDefault("folds", "5")), NluSettings.defaults(), out);
			}
			return 0;
		}
		catch (InvalidKnowledgeException ex) {
			out.printf("%d problem(s) in %s:%n", ex.problems().size(), intents);
			printProblems(ex.problems(), out);
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			out.println("error: " + ex.getMessage());
			return 2;
		}
	}

	private static void printProblems(java.util.List<Problem> problems, PrintStream out) {
		for (Problem p : problems) {
			out.printf("%s%s%s%n  %s%n  %s%n", p.isError() ? "ERROR " : "WARNING ", p.file(),
					p.line() > 0 ? ":" + p.line() : "", p.chinese(), p.english());
		}
	}

	private static void chat(ChatService chat, PrintStream out) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		out.println("> (empty line or Ctrl-D to quit)");
		String line;
		while ((line = in.readLine()) != null && !line.isBlank()) {
			Reply reply = chat.ask(new Question(line, "terminal", "cli"));
			out.printf("[%s intent=%s confidence=%.3f source=%s]%n%s%n", reply.outcome(), reply.intent(),
					reply.confidence(), reply.source(), reply.answer());
			if (!reply.suggestions().isEmpty()) {
				out.println("  -> " + reply.suggestions());
			}
			out.print("> ");
			out.flush();
		}
	}

}
