package org.qualitymonth.assistant.channel.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.ConversationKey;
import org.qualitymonth.assistant.chat.Question;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/ask}: the HTTP adapter over {@link ChatService}. */
@RestController
class AskController {

	static final int MAX_SESSION_ID_LENGTH = 128;

	static final String SESSION_ID_MESSAGE = "\"sessionId\" must be a string of at most " + MAX_SESSION_ID_LENGTH
			+ " characters when given";

	private final ChatService chat;

	private final WebSettings settings;

	private final WebFloodControl floodControl;

	AskController(ChatService chat, WebSettings settings, WebFloodControl floodControl) {
		this.chat = chat;
		this.settings = settings;
		this.floodControl = floodControl;
	}

	@PostMapping(path = "/api/v1/ask", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	AskResponse ask(@Valid @RequestBody AskRequest body, HttpServletRequest request) {
		String question = body.text();
		if (question.codePointCount(0, question.length()) > settings.maxTextLength()) {
			throw new BadQuestionException(HttpStatus.BAD_REQUEST,
					"\"text\" is longer than " + settings.maxTextLength() + " characters");
		}
		String session = conversation(body.sessionId());
		floodControl.check(session, request);
		// the chat page says it is the web channel; every other client is the API
		return AskResponse
			.of(chat.ask(new Question(question, session, body.channel() == null ? "api" : body.channel())));
	}

	/**
	 * The chat service's session for a client's {@code sessionId}:
	 * {@code web:<sessionId>}, so no client can continue another channel's conversation.
	 * None for an id that cannot name a conversation (blank, control characters): such a
	 * client gets answers without follow-up context.
	 */
	static String conversation(String sessionId) {
		if (sessionId == null || sessionId.isBlank() || sessionId.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		return new ConversationKey("web", sessionId).value();
	}

	/** 👍/👎 on a reply: {@code {"id": "<reply id>", "helpful": true}}. */
	@PostMapping(path = "/api/v1/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
	org.springframework.http.ResponseEntity<Void> feedback(@Valid @RequestBody FeedbackRequest body) {
		chat.feedback(body.id(), body.helpful());
		return org.springframework.http.ResponseEntity.noContent().build();
	}

}
