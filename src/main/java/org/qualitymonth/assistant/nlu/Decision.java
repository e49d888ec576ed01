package org.qualitymonth.assistant.nlu;

import java.util.List;

/**
 * What to do with a question.
 *
 * @param outcome answer, suggest or decline
 * @param choices the chosen intent first (when answering or suggesting), then
 * alternatives; when declining, the most likely intents for staff to review
 * @param confidence probability of the best answerable intent
 */
public record Decision(Outcome outcome, List<Candidate> choices, double confidence) {

	public Decision {
		choices = List.copyOf(choices);
	}

	/** The intent answered with, or null when declined. */
	public String intent() {
		return outcome == Outcome.DECLINED || choices.isEmpty() ? null : choices.get(0).intent();
	}

}
