package org.qualitymonth.assistant.admin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.qualitymonth.assistant.querylog.ReviewStatus;
import org.qualitymonth.assistant.querylog.UnansweredFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filter parameters of the unanswered list as they arrive in a URL ({@code from},
 * {@code to}, {@code status}, {@code limit}), shared by the API, the CSV export and the
 * review page.
 */
record UnansweredQuery(String from, String to, String status, String limit) {

	static final int DEFAULT_LIMIT = 500;

	/**
	 * The filter these parameters ask for; {@code status} defaults to
	 * {@code defaultStatus} ("all" for every one).
	 */
	UnansweredFilter toFilter(String defaultStatus) {
		String s = blank(status) ? defaultStatus : status.strip();
		ReviewStatus reviewStatus = s.equalsIgnoreCase("all") ? null : ReviewStatus.parse(s);
		int max;
		try {
			max = blank(limit) ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("limit must be a whole number, was \"" + limit + "\"");
		}
		return new UnansweredFilter(date("from", from), date("to", to), reviewStatus, max);
	}

	static LocalDate date(String name, String value) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(name + " must be a date such as 2020-09-01, was \"" + value + "\"");
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/**
	 * A link back to a page with only the filter parameters (never a URL taken from the
	 * request).
	 */
	static String back(String path, String from, String to, String status) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		if (UnansweredQuery.date("from", from) != null) {
			uri.queryParam("from", from.strip());
		}
		if (UnansweredQuery.date("to", to) != null) {
			uri.queryParam("to", to.strip());
		}
		if (status != null && !status.isBlank()) {
			uri.queryParam("status", status.equalsIgnoreCase("all") ? "all" : ReviewStatus.parse(status).code());
		}
		return uri.encode().build().toUriString();
	}

}
