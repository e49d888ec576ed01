package org.qualitymonth.assistant.channel.telegram;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

import org.qualitymonth.assistant.channel.telegram.ReplyRenderer.Outgoing;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;

/** One call to make, with its attempts so far. */
final class Delivery {

	static final long NO_CHAT = Long.MIN_VALUE;

	/** The chat the lane is keyed by: the original chat id, even after a migration. */
	final long lane;

	final boolean group;

	final Integer replyTo;

	final Outgoing message;

	final BotApiMethod<? extends Serializable> call;

	final CompletableFuture<Void> done = new CompletableFuture<>();

	long chatId;

	boolean plain;

	boolean migrated;

	int attempts;

	Delivery(long chatId, boolean group, Integer replyTo, Outgoing message) {
		this.lane = chatId;
		this.chatId = chatId;
		this.group = group;
		this.replyTo = replyTo;
		this.message = message;
		this.call = null;
	}

	Delivery(BotApiMethod<? extends Serializable> call) {
		this.lane = NO_CHAT;
		this.chatId = NO_CHAT;
		this.group = false;
		this.replyTo = null;
		this.message = null;
		this.call = call;
	}

	BotApiMethod<? extends Serializable> method() {
		if (call != null) {
			return call;
		}
		SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
			.chatId(chatId)
			.text(plain ? message.plain() : message.html())
			.linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
			.replyMarkup(message.keyboard());
		if (!plain) {
			send.parseMode(ParseMode.HTML);
		}
		if (replyTo != null) {
			send.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
		}
		return send.build();
	}

	boolean fallBackToPlainText() {
		if (message == null || plain) {
			return false;
		}
		plain = true;
		return true;
	}

	boolean migrate(long newChatId) {
		if (message == null || migrated || newChatId == chatId) {
			return false;
		}
		migrated = true;
		chatId = newChatId;
		return true;
	}

	String what() {
		return call != null ? call.getMethod() : "sendMessage";
	}

	String who(Privacy privacy) {
		return lane == NO_CHAT ? "(button answer)" : privacy.pseudonym(chatId);
	}

}
