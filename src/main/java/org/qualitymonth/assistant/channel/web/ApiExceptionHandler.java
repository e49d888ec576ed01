package org.qualitymonth.assistant.channel.web;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.qualitymonth.assistant.chat.NotReadyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every client mistake gets a 4xx as an RFC 9457 problem
 * ({@code application/problem+json}) whose {@code message} says what to change, as the
 * API's errors always had; none reaches the log as a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	/**
	 * The request bodies whose constraint messages also explain a field of the wrong JSON
	 * type.
	 */
	private static final List<Class<?>> REQUESTS = List.of(AskRequest.class, FeedbackRequest.class,
			ChooseRequest.class);

	@ExceptionHandler(BadQuestionException.class)
	ResponseEntity<ProblemDetail> badQuestion(BadQuestionException ex) {
		return error(ex.status(), ex.getMessage());
	}

	@ExceptionHandler(TooManyQuestionsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyQuestionsException ex) {
		return error(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage(), ex.retryAfterSeconds());
	}

	@ExceptionHandler(NotReadyException.class)
	ResponseEntity<ProblemDetail> notReady(NotReadyException ex) {
		return error(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), 5);
	}

	/**
	 * A request body that breaks one of its constraints: the first broken one says what
	 * to change.
	 */
	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		return error(HttpStatus.BAD_REQUEST, ex.getBindingResult().getAllErrors().get(0).getDefaultMessage());
	}

	/**
	 * Not JSON, not an object, or a field of the wrong type ({@code {"text": 42}}: no
	 * coercion, see {@link StrictJsonConfiguration}), which gets the message of that
	 * field's constraint.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		log.debug("Unreadable request body: {}", ex.getMessage());
		return error(HttpStatus.BAD_REQUEST, fieldMessage(ex)
			.orElse("the body must be a JSON object such as {\"text\": \"...\", \"sessionId\": \"...\"}"));
	}

	private static Optional<String> fieldMessage(HttpMessageNotReadableException ex) {
		if (!(ex.getMostSpecificCause() instanceof JacksonException json) || json.getPath().isEmpty()) {
			return Optional.empty();
		}
		String field = json.getPath().get(0).getPropertyName();
		for (Class<?> request : REQUESTS) {
			for (var component : request.getRecordComponents()) {
				if (component.getName().equals(field)) {
					return constraintMessage(request, field);
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<String> constraintMessage(Class<?> request, String field) {
		try {
			for (Annotation constraint : request.getDeclaredField(field).getAnnotations()) {
				if (AnnotationUtils.getValue(constraint, "message") instanceof String message
						&& !message.startsWith("{")) {
					return Optional.of(message);
				}
			}
			return Optional.empty();
		}
		catch (NoSuchFieldException ex) {
			return Optional.empty();
		}
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the question as Content-Type: application/json");
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return error(HttpStatus.NOT_ACCEPTABLE, "the answer is only available as application/json");
	}

	/**
	 * A wrong method on the API gets JSON; on a page (admin forms, the webhook) the
	 * exception goes on to Spring's own handling, which ends at the Chinese error page
	 * ({@link ErrorPages}).
	 */
	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
			throws HttpRequestMethodNotSupportedException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex;
		}
		return error(HttpStatus.METHOD_NOT_ALLOWED, "use POST");
	}

	/** An error the client should retry after {@code retryAfterSeconds}. */
	private static ResponseEntity<ProblemDetail> error(HttpStatus status, String message, long retryAfterSeconds) {
		return json(ResponseEntity.status(status).header("Retry-After", Long.toString(retryAfterSeconds)), status,
				message);
	}

	static ResponseEntity<ProblemDetail> error(HttpStatus status, String message) {
		return json(ResponseEntity.status(status), status, message);
	}

	private static ResponseEntity<ProblemDetail> json(ResponseEntity.BodyBuilder response, HttpStatus status,
			String message) {
		return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status, message));
	}

	/**
	 * Writes {@code problem} as the whole response, for code that answers outside Spring
	 * MVC's message converters (a filter, the error page).
	 */
	static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getWriter(), problem);
	}

	/**
	 * The problem for {@code status}: its reason as the title, {@code message} as the
	 * detail and as {@code message}.
	 */
	static ProblemDetail problem(HttpStatus status, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setProperty("message", message);
		return problem;
	}

}
