package org.qualitymonth.assistant.channel.wechat;

/** A callback whose signature does not match the token: answered 403 and nothing else. */
final class ForgedCallbackException extends RuntimeException {

	ForgedCallbackException() {
		super("the signature does not match", null, false, false);
	}

}
