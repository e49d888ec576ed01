package org.qualitymonth.assistant.querylog;

import java.time.OffsetDateTime;

/**
 * One question of a conversation as the log keeps it.
 *
 * @param askedAt when, in the log's zone
 * @param text the question, normalised and redacted
 * @param outcome answered, suggested or declined
 * @param intent the intent answered with, or null
 * @param helpful the citizen's 👍 (true) or 👎 (false), or null
 */
public record Turn(OffsetDateTime askedAt, String channel, String text, String outcome, String intent,
		Boolean helpful) {
}
