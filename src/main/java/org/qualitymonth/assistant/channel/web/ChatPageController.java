package org.qualitymonth.assistant.channel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.UnknownIntentException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the citizen chat page ({@code static/index.html}) needs besides
 * {@code /api/v1/ask}: the welcome topics and the answer to a pressed topic button.
 */
@RestController
class ChatPageController {

	private final ChatService chat;

	private final WebSettings settings;

	private final WebFloodControl floodControl;

	ChatPageController(ChatService chat, WebSettings settings, WebFloodControl floodControl) {
		this.chat = chat;
		this.settings = settings;
		this.floodControl = floodControl;
	}

	@GetMapping(path = "/api/v1/menu", produces = MediaType.APPLICATION_JSON_VALUE)
	MenuResponse menu() {
		return new MenuResponse(chat.menu(), settings.maxTextLength());
	}

	/**
	 * A topic, suggestion or follow-up button: {@code {"intent": "theme", "sessionId":
	 * "..."}}.
	 */
	@PostMapping(path = "/api/v1/choose", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	AskResponse choose(@Valid @RequestBody ChooseRequest body, HttpServletRequest request) {
		String session = AskController.conversation(body.sessionId());
		floodControl.check(session, request);
		return AskResponse.of(chat.choose(body.intent(), session, "web"));
	}

	/**
	 * A button from before a knowledge reload may name an intent that is gone; the page
	 * asks to type instead.
	 */
	@ExceptionHandler(UnknownIntentException.class)
	ResponseEntity<ProblemDetail> unknownIntent(UnknownIntentException ex) {
		return ApiExceptionHandler.error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

}
