package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The one conversation service every channel calls with an {@link Inbound}: it applies
 * the policy all channels share (the rate limit per channel user and, where given, per
 * client address; the question length limit; one rating per reply and user) and asks the
 * {@link ChatService}.
 */
public final class Conversations {

	private final ChatService chat;

	private final FloodControl flood;

	private final int maxQuestionLength;

	/** Users already told to slow down during their current flood. */
	private final Cache<String, Boolean> warned;

	/** Who rated which reply already, so a double tap on 👍 counts once. */
	private final Cache<String, Boolean> rated;

	public Conversations(ChatService chat, FloodControl flood, ConversationSettings settings) {
		this.chat = chat;
		this.flood = flood;
		this.maxQuestionLength = settings.maxQuestionLength();
		this.warned = Caffeine.newBuilder()
			.maximumSize(settings.maxRemembered())
			.expireAfterWrite(Duration.ofHours(1))
			.build();
		this.rated = Caffeine.newBuilder()
			.maximumSize(settings.maxRemembered())
			.expireAfterWrite(settings.ratingsRemembered())
			.build();
	}

	public Outbound handle(Inbound inbound) {
		return handle(inbound, null);
	}

	/**
	 * @param clientAddress the network address the message came from, for channels where
	 * a client can make up conversation ids (the web); null where the platform vouches
	 * for the user
	 */
	public Outbound handle(Inbound inbound, String clientAddress) {
		OptionalLong wait = acquire(inbound.key(), clientAddress);
		if (wait.isPresent()) {
			return new Outbound.Throttled(wait.getAsLong(),
					warned.asMap().putIfAbsent(inbound.key().speaker(), Boolean.TRUE) == null);
		}
		warned.invalidate(inbound.key().speaker());
		if (inbound instanceof Inbound.Text text) {
			return ask(text);
		}
		if (inbound instanceof Inbound.Choose choose) {
			return choose(choose);
		}
		if (inbound instanceof Inbound.Rate rate) {
			return rate(rate);
		}
		if (inbound instanceof Inbound.Unreadable) {
			return new Outbound.Unreadable();
		}
		return new Outbound.Topics(chat.menu());
	}

	/**
	 * The main topics, without spending any of the citizen's allowance (e.g. in a welcome
	 * message).
	 */
	public java.util.List<Choice> menu() {
		return chat.menu();
	}

	private Outbound ask(Inbound.Text inbound) {
		String text = inbound.text().strip();
		if (text.isEmpty()) {
			return new Outbound.Topics(chat.menu());
		}
		if (text.codePointCount(0, text.length()) > maxQuestionLength) {
			return new Outbound.TooLong(maxQuestionLength);
		}
		ConversationKey key = inbound.key();
		return new Outbound.Answer(chat.ask(new Question(text, key.value(), key.channel())));
	}

	private Outbound choose(Inbound.Choose inbound) {
		ConversationKey key = inbound.key();
		try {
			return new Outbound.Answer(chat.choose(inbound.intent(), key.value(), key.channel()));
		}
		catch (UnknownIntentException ex) {
			return new Outbound.UnknownTopic(chat.menu());
		}
	}

	private Outbound rate(Inbound.Rate inbound) {
		boolean first = rated.asMap()
			.putIfAbsent(inbound.replyId() + "/" + inbound.key().speaker(), Boolean.TRUE) == null;
		if (first) {
			chat.feedback(inbound.replyId(), inbound.helpful());
		}
		return new Outbound.Rated(first);
	}

	/**
	 * Both budgets must allow it; the address budget is only spent when the user's
	 * allows.
	 */
	private OptionalLong acquire(ConversationKey key, String clientAddress) {
		OptionalLong wait = flood.tryAcquire(key.speaker());
		if (wait.isPresent() || clientAddress == null || clientAddress.isBlank()) {
			return wait;
		}
		return flood.tryAcquireAddress(key.channel(), clientAddress);
	}

}
