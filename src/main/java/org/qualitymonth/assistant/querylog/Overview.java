package org.qualitymonth.assistant.querylog;

import java.time.LocalDate;
import java.util.List;

/**
 * What citizens asked in a period, for the admin overview.
 *
 * @param from first day
 * @param to last day, inclusive
 * @param total questions asked
 * @param answered answered confidently
 * @param suggested answered with a best guess and alternatives
 * @param declined not answered
 * @param helpful 👍 given
 * @param unhelpful 👎 given
 * @param users distinct pseudonymous users
 * @param days questions per day, every day of the period
 * @param topIntents the most answered intents
 * @param topUnanswered the most asked unanswered questions not yet reviewed
 * @param channel the channel the figures are for, or null for all
 * @param feedbackByIntent rated answers per intent, most 👎 first
 * @param channels every channel in the log, for the filter
 */
public record Overview(LocalDate from, LocalDate to, long total, long answered, long suggested, long declined,
		long helpful, long unhelpful, long users, List<Day> days, List<IntentCount> topIntents,
		List<UnansweredGroup> topUnanswered, String channel, List<IntentFeedback> feedbackByIntent,
		List<String> channels) {

	public Overview {
		days = List.copyOf(days);
		topIntents = List.copyOf(topIntents);
		topUnanswered = List.copyOf(topUnanswered);
		feedbackByIntent = List.copyOf(feedbackByIntent);
		channels = List.copyOf(channels);
	}

	/** How an intent's answers were rated. */
	public record IntentFeedback(String intent, long unhelpful, long rated) {

		public double unhelpfulRate() {
			return rated == 0 ? 0 : (double) unhelpful / rated;
		}

	}

	/**
	 * Share of questions answered (confidently or with a suggestion), 0 when nothing was
	 * asked.
	 */
	public double answeredRate() {
		return total == 0 ? 0 : (double) (answered + suggested) / total;
	}

	public double declinedRate() {
		return total == 0 ? 0 : (double) declined / total;
	}

	/** One day's questions. */
	public record Day(LocalDate date, long total, long answered, long suggested, long declined) {
	}

	/** How often an intent was answered. */
	public record IntentCount(String intent, long count) {
	}

}
