package org.qualitymonth.assistant.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a SnakeYAML parse error into a message staff can act on: the line where the
 * mistake is (not where the parser gave up), that line quoted, and what usually causes
 * it. The parser's own English text is kept in the English message for whoever has to dig
 * further.
 */
final class YamlErrors {

	/** A value that opens a quote: {@code - "…} or {@code key: '…}. */
	private static final Pattern OPENS_QUOTE = Pattern.compile("^\\s*(?:-\\s+|[A-Za-z_]+:\\s+)([\"'])(.*)$");

	private static final int MAX_QUOTED = 80;

	private enum Cause {

		QUOTE, TAB, COLON, MISSING_COLON, INDENT, OTHER

	}

	private YamlErrors() {
	}

	static Problem explain(String file, String content, MarkedYAMLException ex) {
		String[] lines = content.split("\r?\n", -1);
		String problem = ex.getProblem() != null ? ex.getProblem() : String.valueOf(ex.getMessage());
		String context = ex.getContext() != null ? ex.getContext() : "";
		Mark at = ex.getProblemMark();
		Cause cause;
		int unclosed = firstUnclosedQuote(lines, at != null ? at.getLine() : lines.length - 1);
		if (context.contains("quoted scalar") && ex.getContextMark() != null) {
			cause = Cause.QUOTE;
			at = ex.getContextMark();
		}
		else if (problem.contains("TAB") || problem.contains("\\t") || hasTab(lines, at)) {
			cause = Cause.TAB;
		}
		else if (unclosed >= 0) {
			// a quote left open swallows the lines after it; the parser only stumbles on
			// a later quote
			cause = Cause.QUOTE;
			at = null;
		}
		else if (problem.contains("mapping values are not allowed")) {
			cause = Cause.COLON;
		}
		else if (problem.contains("could not find expected ':'")) {
			cause = Cause.MISSING_COLON;
			at = ex.getContextMark() != null ? ex.getContextMark() : at;
		}
		else if (problem.contains("expected <block end>") || problem.contains("did not find expected")
				|| problem.contains("bad indentation")) {
			cause = Cause.INDENT;
		}
		else {
			cause = Cause.OTHER;
		}
		int line = at != null ? at.getLine() : unclosed;
		int column = at != null ? at.getColumn() : quoteColumn(lines[unclosed]);
		String parser = problem + (ex.getContextMark() != null && !context.isEmpty()
				? " (" + context + ", line " + (ex.getContextMark().getLine() + 1) + ")" : "");
		String key = "problem.yaml." + cause.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
		Object[] args = { line + 1, column + 1, quote(lines, line), parser };
		return ProblemTexts.problem(file, line + 1, key, args);
	}

	/**
	 * The 0-based line of the first value before {@code limit} that opens a quote and
	 * never closes it, or -1.
	 */
	private static int firstUnclosedQuote(String[] lines, int limit) {
		for (int i = 0; i <= Math.min(limit, lines.length - 1); i++) {
			Matcher m = OPENS_QUOTE.matcher(lines[i]);
			if (m.matches() && !closes(m.group(2), m.group(1).charAt(0))) {
				return i;
			}
		}
		return -1;
	}

	private static boolean closes(String rest, char quote) {
		for (int i = 0; i < rest.length(); i++) {
			char c = rest.charAt(i);
			if (quote == '"' && c == '\\') {
				i++;
			}
			else if (c == quote) {
				if (quote == '\'' && i + 1 < rest.length() && rest.charAt(i + 1) == '\'') {
					i++;
				}
				else {
					return true;
				}
			}
		}
		return false;
	}

	private static int quoteColumn(String line) {
		int dq = line.indexOf('"');
		int sq = line.indexOf('\'');
		return dq < 0 ? Math.max(sq, 0) : (sq < 0 ? dq : Math.min(dq, sq));
	}

	private static boolean hasTab(String[] lines, Mark at) {
		return at != null && at.getLine() < lines.length && lines[at.getLine()].indexOf('\t') >= 0;
	}

	/** The offending line as staff see it in their editor, a tab shown as an arrow. */
	private static String quote(String[] lines, int line) {
		if (line < 0 || line >= lines.length) {
			return "";
		}
		String text = lines[line].stripTrailing().replace("\t", "→");
		return text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
	}

}
