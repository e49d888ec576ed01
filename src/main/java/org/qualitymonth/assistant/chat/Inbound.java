package org.qualitymonth.assistant.chat;

import java.util.Objects;

/**
 * What a citizen did, as every channel hands it to {@link Conversations}: typed a
 * question, picked a topic, rated a reply, asked for the menu or sent something that is
 * not text. Platform details stay in the channel.
 */
public sealed interface Inbound {

	ConversationKey key();

	/** A typed question. */
	record Text(ConversationKey key, String text) implements Inbound {

		public Text {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(text, "text");
		}

	}

	/** A topic picked from a button, a numbered line or a menu. */
	record Choose(ConversationKey key, String intent) implements Inbound {

		public Choose {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(intent, "intent");
		}

	}

	/** 👍 or 👎 on the reply with id {@code replyId}. */
	record Rate(ConversationKey key, String replyId, boolean helpful) implements Inbound {

		public Rate {
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(replyId, "replyId");
		}

	}

	/**
	 * Something sent on purpose that is not a question the assistant can read: a sticker,
	 * a photo, an unknown command, a button it never offered. It costs the sender's
	 * allowance like anything else.
	 */
	record Unreadable(ConversationKey key) implements Inbound {

		public Unreadable {
			Objects.requireNonNull(key, "key");
		}

	}

	/** The welcome screen or the topic menu. */
	record Menu(ConversationKey key) implements Inbound {

		public Menu {
			Objects.requireNonNull(key, "key");
		}

	}

}
