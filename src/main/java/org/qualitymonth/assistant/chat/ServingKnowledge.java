package org.qualitymonth.assistant.chat;

import java.util.Optional;

import org.qualitymonth.assistant.knowledge.KnowledgeBase;

/**
 * The knowledge base that answers questions right now, for the modules that show or check
 * it (the admin pages, readiness) without reaching into how the core holds it.
 */
@FunctionalInterface
public interface ServingKnowledge {

	/** The serving knowledge base; empty until the first one has loaded and trained. */
	Optional<KnowledgeBase> current();

}
