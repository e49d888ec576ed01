package org.qualitymonth.assistant.channel.telegram;

import java.io.IOException;

/**
 * The loopback Bot API for tests outside this package (the replicated-mode system test).
 */
public final class TestBotApi implements AutoCloseable {

	private final LoopbackBotApi api;

	public TestBotApi(String token) throws IOException {
		this.api = new LoopbackBotApi(token);
	}

	public String url() {
		return api.url();
	}

	/** The JSON of a text message update, as Telegram would post it to a webhook. */
	public String textUpdate(int updateId, long chatId, long userId, String text) {
		api.privateChat(chatId);
		return api.textUpdateJson(updateId, chatId, userId, text);
	}

	/** How many messages the bot has sent to the chat so far. */
	public int sentTo(long chatId) {
		return api.sentTo(chatId).size();
	}

	@Override
	public void close() {
		api.close();
	}

}
