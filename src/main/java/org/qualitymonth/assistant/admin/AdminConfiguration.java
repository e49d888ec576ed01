package org.qualitymonth.assistant.admin;

import org.qualitymonth.assistant.knowledge.KnowledgeLoader;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the admin features that are plain Java. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	@Bean
	IntentExamples intentExamples(KnowledgeReloader reloader, KnowledgeLoader loader,
			org.springframework.beans.factory.ObjectProvider<org.qualitymonth.assistant.knowledge.KnowledgeEdits> edits) {
		return new IntentExamples(reloader, loader,
				edits.getIfAvailable(() -> org.qualitymonth.assistant.knowledge.KnowledgeEdits.IN_THIS_PROCESS));
	}

}
