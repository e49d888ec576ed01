package org.qualitymonth.assistant.operations;

import org.qualitymonth.assistant.chat.ServingKnowledge;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.KnowledgeStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of readiness: the assistant can answer only once a knowledge base is serving. A
 * later reload that fails does not make it unready, since the last good knowledge base
 * keeps answering; the failure shows in the details.
 */
final class KnowledgeHealthIndicator implements HealthIndicator {

	private final ServingKnowledge serving;

	private final KnowledgeReloader reloader;

	KnowledgeHealthIndicator(ServingKnowledge serving, KnowledgeReloader reloader) {
		this.serving = serving;
		this.reloader = reloader;
	}

	@Override
	public Health health() {
		KnowledgeStatus status = reloader.status();
		KnowledgeBase knowledge = serving.current().orElse(null);
		if (knowledge == null) {
			return Health.down().withDetail("reason", "the knowledge base has not loaded yet").build();
		}
		return Health.up()
			.withDetail("version", knowledge.version())
			.withDetail("intents", knowledge.intents().size())
			.withDetail("lastReloadOk", status.lastReloadOk())
			.withDetail("reloadFailures", status.failures())
			.build();
	}

}
