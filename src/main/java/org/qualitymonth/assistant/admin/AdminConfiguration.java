package org.qualitymonth.assistant.admin;

import java.time.Clock;

import org.qualitymonth.assistant.knowledge.KnowledgeLoader;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.NoticeGrounding;
import org.qualitymonth.assistant.knowledge.BotProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the admin features that are plain Java. */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	@Bean
	IntentExamples intentExamples(KnowledgeReloader reloader, NoticeGrounding grounding, BotProperties bot, Clock clock,
			org.springframework.beans.factory.ObjectProvider<org.qualitymonth.assistant.knowledge.KnowledgeEdits> edits) {
		return new IntentExamples(reloader, new KnowledgeLoader(grounding, bot.minExamples(), clock),
				edits.getIfAvailable(() -> org.qualitymonth.assistant.knowledge.KnowledgeEdits.IN_THIS_PROCESS));
	}

}
