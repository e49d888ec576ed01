package org.qualitymonth.assistant.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * What staff need to know about the knowledge base: what is serving and how reloads went.
 *
 * @param version content hash of the serving snapshot
 * @param loadedAt when the serving snapshot was loaded
 * @param intents number of intents serving
 * @param examples number of examples serving
 * @param lastReloadAt when a reload was last attempted
 * @param lastReloadOk whether that attempt succeeded
 * @param reloads successful loads since start
 * @param failures failed loads since start
 * @param lastError the most recent failed attempt, kept after later successes; null if
 * none
 * @param warnings doubts about the serving intents that did not stop them loading
 */
public record KnowledgeStatus(String version, Instant loadedAt, int intents, int examples, Instant lastReloadAt,
		boolean lastReloadOk, long reloads, long failures, Failure lastError, List<Problem> warnings) {

	public KnowledgeStatus {
		warnings = List.copyOf(warnings);
	}

	/** A rejected reload: when, and what was wrong (file, line, message). */
	public record Failure(Instant at, List<Problem> problems) {

		public Failure {
			problems = List.copyOf(problems);
		}

	}

	static KnowledgeStatus initial() {
		return new KnowledgeStatus(null, null, 0, 0, null, false, 0, 0, null, List.of());
	}

	KnowledgeStatus succeeded(KnowledgeBase kb, Instant at) {
		return new KnowledgeStatus(kb.version(), kb.loadedAt(), kb.intents().size(), kb.exampleCount(), at, true,
				reloads + 1, failures, lastError, kb.warnings());
	}

	KnowledgeStatus failed(List<Problem> problems, Instant at) {
		return new KnowledgeStatus(version, loadedAt, intents, examples, at, false, reloads, failures + 1,
				new Failure(at, problems), warnings);
	}

}
