package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * What Telegram said when it refused a call, read from the library's exception: the error
 * code, the description, and the parameters that tell the sender what to do
 * ({@code retry_after}, {@code migrate_to_chat_id}).
 */
record Refusal(int code, String description, Integer retryAfterSeconds, Long migrateToChatId) {

	static Refusal of(TelegramApiRequestException ex) {
		ResponseParameters parameters = ex.getParameters();
		return new Refusal(ex.getErrorCode() == null ? 0 : ex.getErrorCode(),
				ex.getApiResponse() == null ? "" : ex.getApiResponse(),
				parameters == null ? null : parameters.getRetryAfter(),
				parameters == null ? null : parameters.getMigrateToChatId());
	}

	/** 429: Telegram asks to slow down. */
	boolean rateLimited() {
		return code == 429;
	}

	/** How long Telegram asks to wait before the next try, when it says. */
	Optional<Duration> retryAfter() {
		return retryAfterSeconds != null && retryAfterSeconds > 0 ? Optional.of(Duration.ofSeconds(retryAfterSeconds))
				: Optional.empty();
	}

	/**
	 * 400 "can't parse entities": the HTML was refused; the text itself may go as plain
	 * text.
	 */
	boolean badFormatting() {
		return code == 400 && description.toLowerCase(Locale.ROOT).contains("can't parse entities");
	}

	/** A server error, or no answer: worth another try. */
	boolean transientError() {
		return code == 0 || code >= 500;
	}

	/** 403: the citizen blocked the bot or left the chat. */
	boolean blocked() {
		return code == 403;
	}

}
