package org.qualitymonth.assistant.querylog;

import java.time.LocalDate;

/**
 * Which unanswered questions to list.
 *
 * @param from first day (in the log's time zone), or null for no lower bound
 * @param to last day, inclusive, or null for no upper bound
 * @param status only groups in this review status, or null for all
 * @param limit the most groups to return (most asked first)
 */
public record UnansweredFilter(LocalDate from, LocalDate to, ReviewStatus status, int limit) {

	public static final int MAX_LIMIT = 5000;

	public UnansweredFilter {
		if (from != null && to != null && from.isAfter(to)) {
			throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
	}

}
