package org.qualitymonth.assistant.querylog;

import java.util.Locale;

/** Where staff are with an unanswered question. */
public enum ReviewStatus {

	/** Not looked at yet. */
	NEW,
	/** Looked at and dealt with (e.g. an answer is being written). */
	REVIEWED,
	/** Not worth acting on (noise, abuse, a one-off). */
	IGNORED,
	/** Added as a training example of an intent. */
	ADDED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Parses {@code new}, {@code reviewed}, {@code ignored} or {@code added}, in any
	 * case.
	 */
	public static ReviewStatus parse(String code) {
		for (ReviewStatus status : values()) {
			if (status.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown status \"" + code + "\"; use new, reviewed, ignored or added");
	}

}
