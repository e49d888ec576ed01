package org.qualitymonth.assistant.channel.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A topic, suggestion or follow-up button: {@code {"intent": "theme", "sessionId":
 * "..."}}.
 */
record ChooseRequest(
		@NotNull(message = INTENT_MESSAGE) @Pattern(regexp = "[a-z][a-z0-9_]{0,63}",
				message = INTENT_MESSAGE) String intent,
		@Size(max = AskController.MAX_SESSION_ID_LENGTH, message = AskController.SESSION_ID_MESSAGE) String sessionId) {

	static final String INTENT_MESSAGE = "\"intent\" must be the id of an intent, as given in \"suggestions\" or \"related\"";

}
