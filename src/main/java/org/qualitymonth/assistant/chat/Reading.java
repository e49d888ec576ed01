package org.qualitymonth.assistant.chat;

import java.util.List;

import org.qualitymonth.assistant.knowledge.SpecificAsk;
import org.qualitymonth.assistant.nlu.Candidate;
import org.qualitymonth.assistant.nlu.Outcome;

/**
 * What the engine makes of one question, before it is written in the asker's language:
 * declined (with the reason when the notice does not say what was asked), or one or more
 * answered parts. Depends on the text and the knowledge version only, so it is what the
 * answer cache keeps.
 *
 * @param outcome answered (confident), suggested (unsure: choices offered) or declined
 * @param parts what is answered, in the order the question asks it
 * @param confidence how sure the engine is of the first part
 * @param candidates the most likely intents, for choices, the query log and staff review
 * @param unanswerable what the question asks that the notice does not say, or null
 */
record Reading(Outcome outcome, List<Part> parts, double confidence, List<Candidate> candidates,
		SpecificAsk unanswerable) {

	Reading {
		parts = List.copyOf(parts);
		candidates = List.copyOf(candidates);
	}

	static Reading declined(double confidence, List<Candidate> candidates, SpecificAsk why) {
		return new Reading(Outcome.DECLINED, List.of(), confidence, candidates, why);
	}

	boolean answered() {
		return outcome != Outcome.DECLINED && !parts.isEmpty();
	}

	/** The intent of the first part, or null when declined. */
	String intent() {
		return parts.isEmpty() ? null : parts.get(0).intent().id();
	}

	boolean isAbout(String intentId) {
		return parts.stream().anyMatch(p -> p.intent().id().equals(intentId));
	}

}
