package org.qualitymonth.assistant.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose conversation a message belongs to, namespaced by channel:
 * {@code wechat:<openid>}, {@code telegram:<chat>:<user>}, {@code web:<session>}.
 * Channels build it from what the platform vouches for, so a client naming its session
 * {@code telegram:1:2} gets {@code web:telegram:1:2}, never another channel's
 * conversation.
 *
 * @param channel the channel's name, lower case
 * @param id the conversation within the channel
 * @param user who speaks in it, as the channel vouches for them: the rate budget and the
 * one rating per reply are the user's, so a Telegram citizen in several groups has one
 * budget. Where a conversation has one speaker (WeChat, the web) it is the id itself.
 */
public record ConversationKey(String channel, String id, String user) {

	private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,15}");

	/**
	 * Longest id kept; longer ones are a client's mistake or an attack, not a
	 * conversation.
	 */
	public static final int MAX_ID_LENGTH = 200;

	public ConversationKey {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(user, "user");
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("a channel name is lower-case letters, digits and '-': " + channel);
		}
		if (!printable(id) || !printable(user)) {
			throw new IllegalArgumentException("a conversation id is 1 to " + MAX_ID_LENGTH + " printable characters");
		}
	}

	/** A conversation with one speaker, whose id is also the user's. */
	public ConversationKey(String channel, String id) {
		this(channel, id, id);
	}

	/** {@code channel:user}, what the rate budget and ratings are kept under. */
	public String speaker() {
		return channel + ":" + user;
	}

	private static boolean printable(String id) {
		return !id.isBlank() && id.length() <= MAX_ID_LENGTH && id.chars().noneMatch(Character::isISOControl);
	}

	/** {@code channel:id}, the session the chat service remembers follow-ups under. */
	public String value() {
		return channel + ":" + id;
	}

	@Override
	public String toString() {
		return value();
	}

}
