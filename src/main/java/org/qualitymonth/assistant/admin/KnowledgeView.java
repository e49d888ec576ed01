package org.qualitymonth.assistant.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.qualitymonth.assistant.knowledge.KnowledgeStatus;
import org.qualitymonth.assistant.knowledge.Problem;

/**
 * The knowledge base's state as the overview shows it: times in the log's zone, and the
 * problems of a rejected edit only while that edit is the latest attempt (a later good
 * save makes them history).
 *
 * @param rejected the last reload failed: the files on disk are not what the bot serves
 */
record KnowledgeView(String version, String loadedAt, int intents, int examples, String lastReloadAt,
		boolean lastReloadOk, boolean rejected, List<Issue> problems, int warnings) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** One problem of the rejected edit: where, and what to do, in Chinese. */
	record Issue(String file, int line, String message) {
	}

	static KnowledgeView of(KnowledgeStatus status, ZoneId zone) {
		boolean rejected = !status.lastReloadOk() && status.lastError() != null;
		List<Issue> problems = rejected ? status.lastError()
			.problems()
			.stream()
			.filter(Problem::isError)
			.map(p -> new Issue(p.file(), p.line(), p.chinese()))
			.toList() : List.of();
		return new KnowledgeView(status.version(), format(status.loadedAt(), zone), status.intents(), status.examples(),
				format(status.lastReloadAt(), zone), status.lastReloadOk(), rejected, problems,
				status.warnings().size());
	}

	private static String format(Instant instant, ZoneId zone) {
		return instant == null ? null : TIME.format(instant.atZone(zone));
	}

}
