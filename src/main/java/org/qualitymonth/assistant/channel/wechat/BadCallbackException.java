package org.qualitymonth.assistant.channel.wechat;

/**
 * A callback that is not a well-formed WeChat message: answered 400, never logged with
 * its body.
 */
final class BadCallbackException extends RuntimeException {

	BadCallbackException(String message) {
		super(message, null, false, false);
	}

}
