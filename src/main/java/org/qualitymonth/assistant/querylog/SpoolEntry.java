package org.qualitymonth.assistant.querylog;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the spool: a question and its reply ({@link Kind#QUESTION}), or a citizen's
 * rating of a reply ({@link Kind#FEEDBACK}). Text is already redacted and the user
 * already pseudonymous when an entry is made.
 *
 * @param kind what happened
 * @param id the reply id
 * @param at when it happened
 * @param channel web, telegram, api or cli (questions only)
 * @param user pseudonym of the session, or null (questions only)
 * @param text the normalised, redacted question (questions only)
 * @param outcome answered, suggested or declined (questions only)
 * @param intent the intent answered with, or null
 * @param confidence the classifier's probability for the best intent
 * @param candidates the top candidate intents as {@code intent=probability} separated by
 * spaces
 * @param knowledgeVersion version of the knowledge base that answered
 * @param helpful the rating (feedback only)
 */
record SpoolEntry(Kind kind, String id, Instant at, String channel, String user, String text, String outcome,
		String intent, double confidence, String candidates, String knowledgeVersion, Boolean helpful) {

	enum Kind {

		QUESTION, FEEDBACK

	}

	SpoolEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(at, "at");
		if (kind == Kind.QUESTION) {
			Objects.requireNonNull(channel, "channel");
			Objects.requireNonNull(text, "text");
			Objects.requireNonNull(outcome, "outcome");
		}
		else {
			Objects.requireNonNull(helpful, "helpful");
		}
	}

	static SpoolEntry feedback(String replyId, boolean helpful, Instant at) {
		return new SpoolEntry(Kind.FEEDBACK, replyId, at, null, null, null, null, null, 0, null, null, helpful);
	}

}
