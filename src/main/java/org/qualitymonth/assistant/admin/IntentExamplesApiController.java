package org.qualitymonth.assistant.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.qualitymonth.assistant.knowledge.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/intents/{id}/examples} with {@code {"text": "..."}}: the
 * admin page's "add as example", for scripts. The same checks and the same edit of the
 * intent file ({@link IntentExamples}); 201 when the example was added and is being
 * served, 200 when it was there already, 4xx with a message when it was refused.
 */
@RestController
class IntentExamplesApiController {

	/** The request body. */
	record NewExample(String text) {
	}

	private final IntentExamples examples;

	private final MessageSourceAccessor messages;

	IntentExamplesApiController(IntentExamples examples, MessageSource messages) {
		this.examples = examples;
		this.messages = new MessageSourceAccessor(messages, Locale.SIMPLIFIED_CHINESE);
	}

	@PostMapping(path = "/api/v1/admin/intents/{id}/examples", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> add(@PathVariable String id, @RequestBody NewExample body) {
		IntentExamples.Result result = examples.add(id, body == null ? null : body.text());
		HttpStatus status = status(result);
		Map<String, Object> answer = new java.util.LinkedHashMap<>();
		answer.put("status", status.value());
		answer.put("intent", id);
		answer.put("added", result.added());
		answer.put("message", messages.getMessage(result.messageKey(), result.args().toArray()));
		answer.put("problems", result.problems().stream().map(IntentExamplesApiController::describe).toList());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(answer);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", 400, "added", false, "message", "the body must be JSON: {\"text\": \"...\"}",
					"problems", List.of()));
	}

	/** What each outcome of {@link IntentExamples} means in HTTP. */
	static HttpStatus status(IntentExamples.Result result) {
		return switch (result.messageKey()) {
			case "admin.example.added" -> HttpStatus.CREATED;
			case "admin.example.already" -> HttpStatus.OK;
			case "admin.example.noIntent" -> HttpStatus.NOT_FOUND;
			case "admin.example.badText" -> HttpStatus.BAD_REQUEST;
			case "admin.example.invalid" -> HttpStatus.UNPROCESSABLE_CONTENT;
			case "admin.example.cannotEdit" -> HttpStatus.CONFLICT;
			default -> HttpStatus.INTERNAL_SERVER_ERROR;
		};
	}

	private static String describe(Problem p) {
		return p.file() + (p.line() > 0 ? ":" + p.line() : "") + " " + p.chinese();
	}

}
