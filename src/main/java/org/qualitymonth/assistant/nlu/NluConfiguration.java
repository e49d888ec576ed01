package org.qualitymonth.assistant.nlu;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the language understanding's plain-Java parts: the thresholds that turn a
 * classification into a decision.
 */
@Configuration(proxyBeanMethods = false)
class NluConfiguration {

	@Bean
	DecisionPolicy decisionPolicy(NluSettings nlu) {
		return new DecisionPolicy(nlu);
	}

}
