package org.qualitymonth.assistant.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The admin API's errors as RFC 9457 problems ({@code application/problem+json}), with
 * the {@code message} its clients read, whether a controller or a filter (login throttle,
 * missing login) refuses the request.
 */
final class ApiProblems {

	private ApiProblems() {
	}

	static ResponseEntity<ProblemDetail> response(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(status, message));
	}

	/**
	 * For filters, which answer before Spring MVC could render a {@link ProblemDetail}.
	 */
	static void write(HttpServletResponse response, HttpStatus status, String message, JsonMapper json)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		json.writeValue(response.getWriter(), problem(status, message));
	}

	private static ProblemDetail problem(HttpStatus status, String message) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setProperty("message", message);
		return problem;
	}

}
