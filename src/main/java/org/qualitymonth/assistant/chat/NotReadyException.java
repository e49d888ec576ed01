package org.qualitymonth.assistant.chat;

/**
 * A question arrived before the first knowledge base finished loading; channels answer
 * "try again shortly".
 */
public class NotReadyException extends RuntimeException {

	public NotReadyException() {
		super("the knowledge base is still loading");
	}

}
