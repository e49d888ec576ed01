package org.qualitymonth.assistant.chat;

import java.util.Objects;

/**
 * What a citizen did, as every channel hands it to {@link Conversations}: typed a question, picked a
 * topic, rated a reply or asked for the menu. Platform details stay in the channel.
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

	/** The welcome screen or the topic menu. */
	record Menu(ConversationKey key) implements Inbound {

		public Menu {
			Objects.requireNonNull(key, "key");
		}

	}

}
