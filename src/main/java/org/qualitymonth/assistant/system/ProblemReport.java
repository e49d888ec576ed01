package org.qualitymonth.assistant.system;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.Problem;

/** How {@code validate} tells staff what to fix: one entry per problem, Chinese first, then English. */
final class ProblemReport {

	private ProblemReport() {
	}

	static void printErrors(List<Problem> problems, Path intents, PrintStream out) {
		long errors = problems.stream().filter(Problem::isError).count();
		out.println(Messages.get("cli.validate.failed", errors, problems.size() - errors, intents));
		problems.forEach(p -> print(p, out));
	}

	static void printWarnings(KnowledgeBase kb, Path intents, PrintStream out) {
		kb.warnings().forEach(p -> print(p, out));
		out.println(Messages.get("cli.validate.ok", kb.intents().size(), kb.exampleCount(), intents, kb.version(),
				kb.warnings().size()));
	}

	static void print(Problem p, PrintStream out) {
		String where = p.file().isEmpty() ? "" : p.file() + (p.line() > 0 ? ":" + p.line() : "");
		out.println(Messages.get(p.isError() ? "cli.problem.error" : "cli.problem.warning", where));
		for (String line : p.chinese().split("\n")) {
			out.println("  " + line);
		}
		for (String line : p.english().split("\n")) {
			out.println("  " + line);
		}
	}

}
