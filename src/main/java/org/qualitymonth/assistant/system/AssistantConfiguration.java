package org.qualitymonth.assistant.system;

import java.time.Clock;

import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Start-up: the clock every feature reads, and the first load of the intent files; each
 * feature wires itself.
 */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Loads and trains the first knowledge base while Spring starts the rest of the
	 * application (two cores, two jobs); start-up fails when the intent files are
	 * invalid.
	 */
	@Bean
	InitialKnowledgeLoad initialKnowledgeLoad(KnowledgeReloader reloader) {
		return new InitialKnowledgeLoad(reloader);
	}

}
