package org.qualitymonth.assistant.querylog;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One unanswered question as staff review it: every time it was asked, under its
 * normalised, redacted text.
 *
 * @param text the question, normalised and redacted
 * @param count how often it was asked (in the chosen period)
 * @param firstSeen first time asked
 * @param lastSeen last time asked
 * @param channels where it was asked (web, telegram, api, cli)
 * @param topIntents the intents the classifier thought most likely, by average
 * probability
 * @param status where review stands
 * @param addedTo the intent it was added to as an example, when status is
 * {@link ReviewStatus#ADDED}
 */
public record UnansweredGroup(String text, long count, OffsetDateTime firstSeen, OffsetDateTime lastSeen,
		List<String> channels, List<IntentShare> topIntents, ReviewStatus status, String addedTo) {

	public UnansweredGroup {
		channels = List.copyOf(channels);
		topIntents = List.copyOf(topIntents);
	}

	/** An intent and the classifier's average probability for it. */
	public record IntentShare(String intent, double probability) {
	}

}
