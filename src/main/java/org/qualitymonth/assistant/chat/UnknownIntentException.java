package org.qualitymonth.assistant.chat;

/**
 * A channel asked for an intent (e.g. from a stale button) that the knowledge base does
 * not have.
 */
public class UnknownIntentException extends RuntimeException {

	public UnknownIntentException(String intent) {
		super("unknown intent: " + intent);
	}

}
