package org.qualitymonth.assistant.chat;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose conversation a message belongs to, namespaced by channel: {@code wechat:<openid>},
 * {@code telegram:<chat>:<user>}, {@code web:<session>}. Channels build it from what the platform vouches
 * for, so a client naming its session {@code telegram:1:2} gets {@code web:telegram:1:2}, never
 * another channel's conversation.
 *
 * @param channel the channel's name, lower case
 * @param id the conversation within the channel
 */
public record ConversationKey(String channel, String id) {

	private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,15}");

	/** Longest id kept; longer ones are a client's mistake or an attack, not a conversation. */
	public static final int MAX_ID_LENGTH = 200;

	public ConversationKey {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(id, "id");
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("a channel name is lower-case letters, digits and '-': " + channel);
		}
		if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException("a conversation id is 1 to " + MAX_ID_LENGTH + " printable characters");
		}
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
