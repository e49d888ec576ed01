package org.qualitymonth.assistant.chat;

import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Flood control ({@code bot.rate-limit.*}).
 *
 * @param enabled off only for load tests
 * @param questionsPerPeriod questions one session or user may ask per period
 * @param period the period
 * @param maxTracked how many sessions are tracked at most
 * @param questionsPerAddress questions one client address may ask per period, whatever
 * conversation ids it sends (for channels where clients choose their ids: the web);
 * higher, since offices share an address
 */
@ConfigurationProperties("bot.rate-limit")
@Validated
public record RateLimitSettings(@DefaultValue("true") boolean enabled, @Min(value = 1,
		message = "bot.rate-limit.questions-per-period must be at least 1") @DefaultValue("30") int questionsPerPeriod,
		@DurationMin(nanos = 1, message = "bot.rate-limit.period must be positive") @DefaultValue("1m") Duration period,
		@DefaultValue("100000") long maxTracked, @DefaultValue("300") int questionsPerAddress) {

	/** With the default address budget (tests, tools). */
	public RateLimitSettings(boolean enabled, int questionsPerPeriod, Duration period, long maxTracked) {
		this(enabled, questionsPerPeriod, period, maxTracked, 300);
	}

	/** The constructor Spring binds: the record has two. */
	@ConstructorBinding
	public RateLimitSettings {
	}

	/** An office shares one address, so its budget is never below one session's. */
	@AssertTrue(message = "bot.rate-limit.questions-per-address must be at least bot.rate-limit.questions-per-period")
	boolean isQuestionsPerAddressAtLeastPerPeriod() {
		return questionsPerAddress >= questionsPerPeriod;
	}

}
