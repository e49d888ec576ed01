package org.qualitymonth.assistant.nlu;

import org.qualitymonth.assistant.knowledge.BotProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the language understanding's plain-Java parts: the thresholds that turn a
 * classification into a decision, and the trained models kept in the data directory.
 */
@Configuration(proxyBeanMethods = false)
class NluConfiguration {

	@Bean
	DecisionPolicy decisionPolicy(NluSettings nlu) {
		return new DecisionPolicy(nlu);
	}

	@Bean
	TrainedModelCache trainedModelCache(BotProperties bot, NluSettings nlu) {
		return new TrainedModelCache(bot.dataDir().resolve("models"), nlu);
	}

}
