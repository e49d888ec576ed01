package org.qualitymonth.assistant.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admin settings ({@code bot.admin.*}).
 *
 * @param password the password of user {@code admin} (env {@code BOT_ADMIN_PASSWORD}); when unset a strong one is
 * generated at start-up and printed once
 */
@ConfigurationProperties("bot.admin")
public record AdminSettings(String password) {

	static final int MIN_PASSWORD_LENGTH = 8;

	public AdminSettings {
		if (password != null && !password.isBlank() && password.length() < MIN_PASSWORD_LENGTH) {
			throw new IllegalArgumentException(
					"bot.admin.password is too short: use at least " + MIN_PASSWORD_LENGTH + " characters");
		}
	}

	boolean passwordSet() {
		return password != null && !password.isBlank();
	}

	/** Never shows the password, wherever the settings end up being printed. */
	@Override
	public String toString() {
		return "AdminSettings[password=" + (passwordSet() ? "(set)" : "(generated)") + "]";
	}

}
