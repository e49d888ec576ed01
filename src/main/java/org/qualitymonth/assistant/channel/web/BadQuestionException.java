package org.qualitymonth.assistant.channel.web;

import org.springframework.http.HttpStatus;

/** The request cannot be answered as it stands; the message says what to change. */
class BadQuestionException extends RuntimeException {

	private final HttpStatus status;

	BadQuestionException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

}
