package org.qualitymonth.assistant.admin;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Admin settings ({@code bot.admin.*}).
 *
 * @param password the password of user {@code admin} (env {@code BOT_ADMIN_PASSWORD});
 * when unset a strong one is generated at start-up and printed once
 * @param loginThrottle how many failed logins a client address may make before it has to
 * wait
 */
@ConfigurationProperties("bot.admin")
@Validated
public record AdminSettings(String password, @Valid @DefaultValue LoginThrottle loginThrottle) {

	static final int MIN_PASSWORD_LENGTH = 8;

	public AdminSettings {
		loginThrottle = loginThrottle == null ? new LoginThrottle(10, Duration.ofMinutes(15)) : loginThrottle;
	}

	/**
	 * Checked here rather than on {@code password}, whose constraint would put the
	 * password itself into the start-up failure report.
	 */
	@AssertTrue(message = "bot.admin.password is too short: use at least " + MIN_PASSWORD_LENGTH + " characters")
	boolean isPasswordLongEnough() {
		return !passwordSet() || password.length() >= MIN_PASSWORD_LENGTH;
	}

	boolean passwordSet() {
		return password != null && !password.isBlank();
	}

	/** Never shows the password, wherever the settings end up being printed. */
	@Override
	public String toString() {
		return "AdminSettings[password=" + (passwordSet() ? "(set)" : "(generated)") + ", loginThrottle="
				+ loginThrottle + "]";
	}

	/**
	 * Failed admin logins ({@code bot.admin.login-throttle.*}): a client address may fail
	 * {@code failures} times, after which it regains one attempt every
	 * {@code period / failures}; logins that succeed are never slowed.
	 *
	 * @param failures failed logins allowed in a row
	 * @param period the time in which the full allowance comes back
	 */
	public record LoginThrottle(
			@Min(value = 1,
					message = "bot.admin.login-throttle.failures must be at least 1") @DefaultValue("10") int failures,
			@DurationMin(nanos = 1,
					message = "bot.admin.login-throttle.period must be a positive duration such as 15m") @DefaultValue("15m") Duration period) {

	}

}
