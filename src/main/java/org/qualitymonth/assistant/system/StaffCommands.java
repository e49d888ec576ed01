package org.qualitymonth.assistant.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.evaluation.EvaluationCommand;
import org.qualitymonth.assistant.knowledge.InvalidKnowledgeException;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.NluSettings;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * The staff tools, run from the built jar without starting the server: {@code validate},
 * {@code chat} and {@code eval}, plus {@code help}. Options: {@code --intents=DIR},
 * {@code --notice=FILE}, {@code --tests=DIR}, {@code --folds=N}, {@code --strict}
 * (validate: warnings fail too).
 */
public final class StaffCommands {

	/**
	 * The CLI runs without Spring, so its texts come from the core's stand-alone message
	 * source.
	 */
	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	/** Exit code of a command line that names no command we know (sysexits' EX_USAGE). */
	public static final int USAGE_ERROR = 64;

	/** Exit code when the files to work on are not there. */
	public static final int MISSING_FILES = 2;

	private static final List<String> TOOLS = List.of("validate", "import", "chat", "eval");

	private static final List<String> HELP = List.of("help", "--help", "-h", "-?");

	private StaffCommands() {
	}

	/**
	 * Whether the command line is for the staff tools rather than the server. The server
	 * takes no words, only {@code --name=value} settings; any word (a tool, {@code help},
	 * or a typo of one) must never start it, or a mistyped command opens a port and holds
	 * it.
	 */
	public static boolean handles(String[] args) {
		return args.length > 0 && (HELP.contains(args[0]) || !args[0].startsWith("-"));
	}

	/** Runs the tool and returns the process exit code. */
	public static int run(String[] args, PrintStream out) {
		return run(args, out, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
	}

	static int run(String[] args, PrintStream out, BufferedReader in) {
		String command = args[0];
		if (HELP.contains(command)) {
			out.println(TEXTS.getMessage("cli.usage"));
			return 0;
		}
		if (!TOOLS.contains(command)) {
			out.println(TEXTS.getMessage("cli.unknown", new Object[] { command }));
			String guess = closest(command);
			if (guess != null) {
				out.println(TEXTS.getMessage("cli.didYouMean", new Object[] { guess }));
			}
			out.println();
			out.println(TEXTS.getMessage("cli.usage"));
			return USAGE_ERROR;
		}
		quietLibraries();
		Map<String, String> options = options(args);
		Path intents = Path.of(options.getOrDefault("intents", "intents"));
		Path notice = Path.of(options.getOrDefault("notice", "seeds/000_6176395c013b77c3.txt"));
		if (!Files.isDirectory(intents)) {
			out.println(TEXTS.getMessage("cli.noIntents", new Object[] { intents.toAbsolutePath().normalize() }));
			return MISSING_FILES;
		}
		if (!Files.isRegularFile(notice)) {
			out.println(TEXTS.getMessage("cli.noNotice", new Object[] { notice.toAbsolutePath().normalize() }));
			return MISSING_FILES;
		}
		Path workbook = workbook(args);
		if (workbook != null || command.equals("import")) {
			return WorkbookCommand.run(command, workbook, intents, notice, out);
		}
		try {
			KnowledgeBase kb = StandaloneAssistant.load(intents, notice, 10);
			switch (command) {
				case "validate" -> {
					ProblemReport.printWarnings(kb, intents, out);
					if (options.containsKey("strict") && !kb.warnings().isEmpty()) {
						return 1;
					}
				}
				case "chat" ->
					new TerminalChat(StandaloneAssistant.chatService(kb, NluSettings.defaults()), out).run(in);
				default -> EvaluationCommand.run(intents, notice,
						Path.of(options.getOrDefault("tests", "src/test/resources/eval")),
						Integer.parseInt(options.getOrDefault("folds", "5")), NluSettings.defaults(), out);
			}
			return 0;
		}
		catch (InvalidKnowledgeException ex) {
			ProblemReport.printErrors(ex.problems(), intents, out);
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			out.println(TEXTS.getMessage("cli.failed", new Object[] { String.valueOf(ex.getMessage()) }));
			return MISSING_FILES;
		}
	}

	/** The workbook named after the command ({@code validate intents.xlsx}), or null. */
	private static Path workbook(String[] args) {
		return args.length > 1 && !args[1].startsWith("--") ? Path.of(args[1]) : null;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				continue;
			}
			String[] kv = args[i].replaceFirst("^--", "").split("=", 2);
			options.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		return options;
	}

	/**
	 * The tools print their own report; library chatter (OpenNLP's training passes) would
	 * bury it.
	 */
	private static void quietLibraries() {
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
	}

	/**
	 * The tool a typo most likely meant ({@code validat}, {@code chta}), or null when
	 * none is close.
	 */
	static String closest(String typed) {
		String best = null;
		int bestDistance = 3;
		for (String tool : TOOLS) {
			int distance = distance(typed.toLowerCase(java.util.Locale.ROOT), tool);
			if (distance < bestDistance) {
				best = tool;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
