package org.qualitymonth.assistant.channel.web;

/** A session asked faster than the flood control allows. */
class TooManyQuestionsException extends RuntimeException {

	private final long retryAfterSeconds;

	TooManyQuestionsException(long retryAfterSeconds) {
		super("too many questions; try again in " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
