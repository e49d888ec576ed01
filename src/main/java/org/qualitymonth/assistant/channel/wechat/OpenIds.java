package org.qualitymonth.assistant.channel.wechat;

import org.qualitymonth.assistant.channel.delivery.LogPseudonyms;

/**
 * How an openid appears in logs: a keyed hash that changes with every start, enough to
 * follow one conversation through the log and useless for finding the citizen. (The query
 * log keeps its own salted pseudonym of the conversation key.)
 */
final class OpenIds {

	private final LogPseudonyms pseudonyms = new LogPseudonyms();

	String pseudonym(String openId) {
		return pseudonyms.of(openId);
	}

}
