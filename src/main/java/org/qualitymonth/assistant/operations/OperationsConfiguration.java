package org.qualitymonth.assistant.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.qualitymonth.assistant.chat.ServingKnowledge;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health and metrics of the assistant as a whole. Each channel and the query log add
 * their own (Telegram sends, spool depth); the answer cache is bound where it is built.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	/**
	 * In the readiness group (application.yml): not ready until a knowledge base is
	 * serving.
	 */
	@Bean
	KnowledgeHealthIndicator knowledgeHealthIndicator(ServingKnowledge serving, KnowledgeReloader reloader) {
		return new KnowledgeHealthIndicator(serving, reloader);
	}

	@Bean
	ConversationMetrics conversationMetrics(MeterRegistry registry) {
		return new ConversationMetrics(registry);
	}

	@Bean
	MeterBinder knowledgeMetrics(KnowledgeReloader reloader) {
		return registry -> {
			FunctionCounter.builder("assistant.knowledge.reloads", reloader, r -> r.status().reloads())
				.description("Knowledge bases loaded since start, the first one included")
				.register(registry);
			FunctionCounter.builder("assistant.knowledge.reload.failures", reloader, r -> r.status().failures())
				.description(
						"Reloads rejected (invalid intent files or failed training); the last good one kept serving")
				.register(registry);
			Gauge.builder("assistant.knowledge.intents", reloader, r -> r.status().intents())
				.description("Intents in the knowledge base serving now")
				.register(registry);
		};
	}

}
