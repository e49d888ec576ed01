package org.qualitymonth.assistant.chat;

import java.time.Duration;

import org.springframework.modulith.NamedInterface;

/**
 * Told of every reply and every piece of feedback, after the fact (e.g. the query log).
 * Implementations must be quick and must not throw: answering never waits for them.
 */
@NamedInterface("ports")
public interface ConversationListener {

	void onReply(Question question, Reply reply);

	/**
	 * What {@link ChatService} calls: the reply together with how long it took to produce
	 * (for latency metrics). Listeners that do not care about the time need not override
	 * it.
	 */
	default void onReply(Question question, Reply reply, Duration took) {
		onReply(question, reply);
	}

	/** A citizen rated the reply with id {@code replyId}: helpful (👍) or not (👎). */
	void onFeedback(String replyId, boolean helpful);

}
