package org.qualitymonth.assistant.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flood control ({@code bot.rate-limit.*}).
 *
 * @param enabled off only for load tests
 * @param questionsPerPeriod questions one session or user may ask per period
 * @param period the period
 * @param maxTracked how many sessions are tracked at most
 */
@ConfigurationProperties("bot.rate-limit")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, @DefaultValue("30") int questionsPerPeriod,
		@DefaultValue("1m") Duration period, @DefaultValue("100000") long maxTracked) {

	public RateLimitSettings {
		if (questionsPerPeriod < 1) {
			throw new IllegalArgumentException("bot.rate-limit.questions-per-period must be at least 1");
		}
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("bot.rate-limit.period must be positive");
		}
	}

}
