package org.qualitymonth.assistant.channel.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors that reach {@code /error}: problems under {@code /api/}, Boot's handling
 * elsewhere.
 */
class ApiAwareErrorControllerTest {

	private final ApiAwareErrorController controller = new ApiAwareErrorController(new DefaultErrorAttributes(),
			new WebProperties(), List.of(), JsonMapper.builder().build());

	@Test
	void aWrongMethodOnTheApiIsAProblemNamingTheAddressAndTheMethod() {
		ResponseEntity<?> response = controller.body(failed("DELETE", "/api/v1/menu", 405));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = (ProblemDetail) response.getBody();
		assertThat(problem.getStatus()).isEqualTo(405);
		assertThat(problem.getDetail()).isEqualTo("/api/v1/menu does not accept DELETE");
		assertThat(problem.getProperties()).containsEntry("message", "/api/v1/menu does not accept DELETE");
	}

	@Test
	void aBrowserOnTheApiGetsTheProblemAsWell() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThat(controller.page(failed("GET", "/api/v1/nope", 404), response)).isNull();

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(response.getContentAsString()).contains("\"message\":\"there is no API at /api/v1/nope\"");
	}

	@Test
	void pathsOutsideTheApiKeepBootsErrorBody() {
		ResponseEntity<?> response = controller.body(failed("GET", "/apiary", 404));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).isInstanceOf(Map.class);
	}

	private static MockHttpServletRequest failed(String method, String path, int status) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/error");
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		return request;
	}

}
