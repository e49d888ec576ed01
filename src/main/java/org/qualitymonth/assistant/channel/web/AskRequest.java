package org.qualitymonth.assistant.channel.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/ask}: {@code {"text": "...", "sessionId": "...",
 * "channel": "web"}}. The longest text is a setting ({@code bot.web.max-text-length}), so
 * the controller checks that one.
 */
record AskRequest(@NotBlank(message = "\"text\" must be a non-blank string") String text,
		@Size(max = AskController.MAX_SESSION_ID_LENGTH, message = AskController.SESSION_ID_MESSAGE) String sessionId,
		@Pattern(regexp = "web|api", message = "\"channel\" must be \"web\" or \"api\" when given") String channel) {
}
