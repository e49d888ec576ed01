package org.qualitymonth.assistant.system;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.Problem;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * How {@code validate} tells staff what to fix: one entry per problem, Chinese first,
 * then English.
 */
final class ProblemReport {

	/**
	 * The CLI runs without Spring, so its texts come from the core's stand-alone message
	 * source.
	 */
	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	private ProblemReport() {
	}

	static void printErrors(List<Problem> problems, Path intents, PrintStream out) {
		long errors = problems.stream().filter(Problem::isError).count();
		out.println(
				TEXTS.getMessage("cli.validate.failed", new Object[] { errors, problems.size() - errors, intents }));
		problems.forEach(p -> print(p, out));
	}

	static void printWarnings(KnowledgeBase kb, Path intents, PrintStream out) {
		kb.warnings().forEach(p -> print(p, out));
		out.println(TEXTS.getMessage("cli.validate.ok",
				new Object[] { kb.intents().size(), kb.exampleCount(), intents, kb.version(), kb.warnings().size() }));
	}

	static void print(Problem p, PrintStream out) {
		String where = p.file().isEmpty() ? "" : p.file() + (p.line() > 0 ? ":" + p.line() : "");
		out.println(
				TEXTS.getMessage(p.isError() ? "cli.problem.error" : "cli.problem.warning", new Object[] { where }));
		for (String line : p.chinese().split("\n")) {
			out.println("  " + line);
		}
		for (String line : p.english().split("\n")) {
			out.println("  " + line);
		}
	}

}
