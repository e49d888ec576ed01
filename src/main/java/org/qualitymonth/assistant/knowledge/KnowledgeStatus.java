package org.qualitymonth.assistant.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * What staff need to know about the knowledge base: what is serving and how the last reload went.
 *
 * @param version content hash of the serving snapshot
 * @param loadedAt when the serving snapshot was loaded
 * @param intents number of intents serving
 * @param examples number of examples serving
 * @param lastReloadAt when a reload was last attempted
 * @param lastReloadOk whether that attempt succeeded
 * @param problems what was wrong with it, empty when it succeeded
 * @param reloads successful loads since start
 * @param failures failed loads since start
 */
public record KnowledgeStatus(String version, Instant loadedAt, int intents, int examples, Instant lastReloadAt,
		boolean lastReloadOk, List<Problem> problems, long reloads, long failures) {

	public KnowledgeStatus {
		problems = List.copyOf(problems);
	}

}
