package org.qualitymonth.assistant.nlu;

/** The three things the bot can do with a question. */
public enum Outcome {

	/** Confident: reply with the intent's answer. */
	ANSWERED,
	/**
	 * Unsure between a few intents: reply with the best and offer the others as choices.
	 */
	SUGGESTED,
	/**
	 * Not about the notice, or too unsure: say what the bot can help with; the query
	 * counts as unanswered.
	 */
	DECLINED

}
