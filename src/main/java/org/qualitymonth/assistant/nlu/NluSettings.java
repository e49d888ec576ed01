package org.qualitymonth.assistant.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Training and decision settings of the intent engine ({@code bot.nlu.*}). The defaults
 * were chosen by cross-validation over the intent files (see the {@code eval} command).
 *
 * @param algorithm OpenNLP trainer: MAXENT (GIS; fast and as accurate here as MAXENT_QN)
 * or MAXENT_QN
 * @param iterations training iterations
 * @param l2Cost L2 regularisation of MAXENT_QN
 * @param answerThreshold probability of the best intent from which it is answered
 * outright; below it the bot answers with its best guess and offers the runners-up as
 * choices
 * @param suggestThreshold probability of the best intent below which the bot declines
 * @param minSimilarity minimum similarity to the nearest example of the best intent
 * @param maxSuggestions how many intents to offer as choices
 * @param scopeThreshold the out-of-scope score at and above which the bot declines
 * @param similarityWeight weight of the nearest-example similarity in the out-of-scope
 * score
 * @param confidenceWeight weight of the best intent's probability in the out-of-scope
 * score
 */
@ConfigurationProperties("bot.nlu")
public record NluSettings(@DefaultValue("MAXENT") String algorithm, @DefaultValue("100") int iterations,
		@DefaultValue("0.5") double l2Cost, @DefaultValue("0.5") double answerThreshold,
		@DefaultValue("0.1") double suggestThreshold, @DefaultValue("0.2") double minSimilarity,
		@DefaultValue("3") int maxSuggestions, @DefaultValue("0.2") double scopeThreshold,
		@DefaultValue("1.0") double similarityWeight, @DefaultValue("0.5") double confidenceWeight) {

	/** The defaults above, for use without Spring (tools, tests). */
	public static NluSettings defaults() {
		return new Binder(List.of()).bindOrCreate("bot.nlu", NluSettings.class);
	}

}
