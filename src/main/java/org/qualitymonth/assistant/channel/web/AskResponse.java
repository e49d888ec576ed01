package org.qualitymonth.assistant.channel.web;

import java.util.List;

import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Reply;

/**
 * The JSON body of {@code POST /api/v1/ask}. {@code answered} is false exactly when the
 * bot declined; {@code details} holds the full paragraph when {@code answer} is a short
 * single fact (null otherwise); {@code language} (zh, en) and {@code script} (simplified,
 * traditional, taiwan, hong_kong) say how it is written.
 */
record AskResponse(String id, boolean answered, String outcome, String intent, double confidence, String answer,
		String source, List<Choice> suggestions, List<Choice> related, String details, String language, String script) {

	static AskResponse of(Reply reply) {
		return new AskResponse(reply.id(), reply.answered(), reply.outcome().name().toLowerCase(java.util.Locale.ROOT),
				reply.intent(), Math.round(reply.confidence() * 10_000) / 10_000.0, reply.answer(), reply.source(),
				reply.suggestions(), reply.related(), reply.details(), reply.language(), reply.script());
	}

}
