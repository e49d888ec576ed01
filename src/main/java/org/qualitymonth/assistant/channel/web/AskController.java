package org.qualitymonth.assistant.channel.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

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
	AskResponse ask(@RequestBody Map<String, Object> body, HttpServletRequest request) {
		Object text = body.get("text");
		if (!(text instanceof String question) || question.isBlank()) {
			throw new BadQuestionException(HttpStatus.BAD_REQUEST, "\"text\" must be a non-blank string");
		}
		if (question.codePointCount(0, question.length()) > settings.maxTextLength()) {
			throw new BadQuestionException(HttpStatus.BAD_REQUEST,
					"\"text\" is longer than " + settings.maxTextLength() + " characters");
		}
		String session = conversation(sessionId(body));
		floodControl.check(session, request);
		return AskResponse.of(chat.ask(new Question(question, session, channel(body.get("channel")))));
	}

	/**
	 * The chat service's session for a client's {@code sessionId}: {@code web:<sessionId>}, so no client can
	 * continue another channel's conversation. None for an id that cannot name a conversation (blank, control
	 * characters): such a client gets answers without follow-up context.
	 */
	static String conversation(String sessionId) {
		if (sessionId == null || sessionId.isBlank() || sessionId.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		return new ConversationKey("web", sessionId).value();
	}

	/** The optional {@code sessionId} of a request body, checked; shared by every endpoint that takes one. */
	static String sessionId(Map<String, Object> body) {
		Object session = body.get("sessionId");
		if (session != null && !(session instanceof String s && s.length() <= MAX_SESSION_ID_LENGTH)) {
			throw new BadQuestionException(HttpStatus.BAD_REQUEST,
					"\"sessionId\" must be a string of at most " + MAX_SESSION_ID_LENGTH + " characters when given");
		}
		return (String) session;
	}

	/** The chat page says it is the web channel; every other client is the API. */
	private static String channel(Object declared) {
		if (declared == null || "api".equals(declared)) {
			return "api";
		}
		if ("web".equals(declared)) {
			return "web";
		}
		throw new BadQuestionException(HttpStatus.BAD_REQUEST, "\"channel\" must be \"web\" or \"api\" when given");
	}

	/** 👍/👎 on a reply: {@code {"id": "<reply id>", "helpful": true}}. */
	@PostMapping(path = "/api/v1/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
	org.springframework.http.ResponseEntity<Void> feedback(@RequestBody Map<String, Object> body) {
		if (!(body.get("id") instanceof String id) || id.isBlank() || id.length() > 64) {
			throw new BadQuestionException(HttpStatus.BAD_REQUEST, "\"id\" must be the id of a reply");
		}
		if (!(body.get("helpful") instanceof Boolean helpful)) {
			throw new BadQuestionException(HttpStatus.BAD_REQUEST, "\"helpful\" must be true or false");
		}
		chat.feedback(id, helpful);
		return org.springframework.http.ResponseEntity.noContent().build();
	}

}
