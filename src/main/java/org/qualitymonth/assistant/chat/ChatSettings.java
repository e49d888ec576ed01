package org.qualitymonth.assistant.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversation settings ({@code bot.chat.*}).
 *
 * @param sessionIdle how long a session's topic is remembered for follow-ups
 * @param maxSessions how many sessions are remembered at most
 * @param followUpMaxLength follow-ups longer than this (characters) are read on their own
 * @param menuIntent the intent whose related list is the main topic menu
 * @param cacheSize how many decisions the answer cache holds
 */
@ConfigurationProperties("bot.chat")
public record ChatSettings(@DefaultValue("30m") Duration sessionIdle, @DefaultValue("100000") long maxSessions,
		@DefaultValue("12") int followUpMaxLength, @DefaultValue("help") String menuIntent,
		@DefaultValue("10000") long cacheSize) {
}
