package org.qualitymonth.assistant.chat;

/**
 * Told of every reply and every piece of feedback, after the fact (e.g. the query log).
 * Implementations must be quick and must not throw: answering never waits for them.
 */
public interface ConversationListener {

	void onReply(Question question, Reply reply);

	/** A citizen rated the reply with id {@code replyId}: helpful (👍) or not (👎). */
	void onFeedback(String replyId, boolean helpful);

}
