package org.qualitymonth.assistant.channel.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 👍/👎 on a reply: {@code {"id": "<reply id>", "helpful": true}}. */
record FeedbackRequest(@NotBlank(message = ID_MESSAGE) @Size(max = 64, message = ID_MESSAGE) String id,
		@NotNull(message = "\"helpful\" must be true or false") Boolean helpful) {

	static final String ID_MESSAGE = "\"id\" must be the id of a reply";

}
