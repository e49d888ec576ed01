package org.qualitymonth.assistant.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy every channel shares ({@code bot.conversation.*}); the rate itself is
 * {@code bot.rate-limit.*}.
 *
 * @param maxQuestionLength the longest question answered, in characters
 * @param ratingsRemembered how long a rating is remembered, so a second tap on 👍 counts
 * once
 * @param deliveriesRemembered how long a delivery id is remembered, so a platform's
 * redelivery is handled once
 * @param maxRemembered how many ratings and deliveries are remembered at most (each)
 */
@ConfigurationProperties("bot.conversation")
public record ConversationSettings(@DefaultValue("500") int maxQuestionLength,
		@DefaultValue("2d") Duration ratingsRemembered, @DefaultValue("10m") Duration deliveriesRemembered,
		@DefaultValue("100000") long maxRemembered) {

	public ConversationSettings {
		if (maxQuestionLength < 1) {
			throw new IllegalArgumentException("bot.conversation.max-question-length must be at least 1");
		}
		if (ratingsRemembered.isNegative() || ratingsRemembered.isZero() || deliveriesRemembered.isNegative()
				|| deliveriesRemembered.isZero()) {
			throw new IllegalArgumentException("bot.conversation.*-remembered must be positive");
		}
		if (maxRemembered < 1) {
			throw new IllegalArgumentException("bot.conversation.max-remembered must be at least 1");
		}
	}

	/** The defaults, for use without Spring (tools, tests). */
	public static ConversationSettings defaults() {
		return new org.springframework.boot.context.properties.bind.Binder(java.util.List.of())
			.bindOrCreate("bot.conversation", ConversationSettings.class);
	}

}
