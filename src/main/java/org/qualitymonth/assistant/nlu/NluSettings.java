package org.qualitymonth.assistant.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Training and decision settings of the intent engine ({@code bot.nlu.*}). The defaults were
 * chosen by cross-validation over the intent files (see the {@code eval} command).
 *
 * @param iterations L-BFGS iterations of the maximum-entropy trainer
 * @param l2Cost L2 regularisation; higher spreads probability, which helps the decline decision
 * @param answerThreshold minimum probability of the best intent to answer outright
 * @param suggestThreshold minimum probability of the best intent to offer it among choices
 * @param minSimilarity minimum similarity to the nearest example of the best intent
 * @param maxSuggestions how many intents to offer as choices
 * @param scopeThreshold the scope model's out-of-scope probability at and above which the bot declines
 */
@ConfigurationProperties("bot.nlu")
public record NluSettings(@DefaultValue("150") int iterations, @DefaultValue("0.5") double l2Cost,
		@DefaultValue("0.5") double answerThreshold, @DefaultValue("0.25") double suggestThreshold,
		@DefaultValue("0.3") double minSimilarity, @DefaultValue("3") int maxSuggestions, @DefaultValue("0.5") double scopeThreshold) {

	public static NluSettings defaults() {
		return new NluSettings(150, 0.5, 0.5, 0.25, 0.3, 3, 0.5);
	}

}
