package org.qualitymonth.assistant.chat;

import java.util.List;

/** What {@link Conversations} decided, for the channel to render in its own format. */
public sealed interface Outbound {

	/** The answer to a question or a picked topic. */
	record Answer(Reply reply) implements Outbound {
	}

	/** The main topics (welcome screen, menu, a topic that no longer exists). */
	record Topics(List<Choice> menu) implements Outbound {

		public Topics {
			menu = List.copyOf(menu);
		}

	}

	/** A rating was taken (or had been taken before: it counts once). */
	record Rated(boolean counted) implements Outbound {
	}

	/** The question is longer than {@code maxLength} characters. */
	record TooLong(int maxLength) implements Outbound {
	}

	/**
	 * Over the rate limit. {@code firstNotice} is true for the first refusal of a flood
	 * only, so that a channel tells the citizen once and then stays quiet.
	 */
	record Throttled(long retryAfterSeconds, boolean firstNotice) implements Outbound {
	}

	/** Nothing to answer: the channel asks, in its own words, for a typed question. */
	record Unreadable() implements Outbound {
	}

	/**
	 * A picked topic that the knowledge base no longer has (a stale button or number).
	 */
	record UnknownTopic(List<Choice> menu) implements Outbound {

		public UnknownTopic {
			menu = List.copyOf(menu);
		}

	}

}
