package org.qualitymonth.assistant.channel.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error controller, except under {@code /api/}: an error that reaches
 * {@code /error} there (an unknown address, a filter's {@code sendError}, a failure) is
 * an RFC 9457 problem with the {@code message} every API error carries, whatever the
 * client accepts, so API clients read one error shape. Pages keep Boot's handling: the
 * Chinese error pages for browsers ({@link ErrorPages}), Boot's JSON for other programs.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ApiAwareErrorController implements ErrorController {

	private final BasicErrorController boot;

	private final JsonMapper json;

	ApiAwareErrorController(ErrorAttributes attributes, WebProperties web, List<ErrorViewResolver> pages,
			JsonMapper json) {
		this.boot = new BasicErrorController(attributes, web.getError(), pages);
		this.json = json;
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!api(request)) {
			return boot.errorHtml(request, response);
		}
		ApiExceptionHandler.write(response, problem(request, status(request)), json);
		return null;
	}

	@RequestMapping
	ResponseEntity<?> body(HttpServletRequest request) {
		if (!api(request)) {
			return boot.error(request);
		}
		HttpStatus status = status(request);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(request, status));
	}

	/**
	 * A client that accepts nothing Boot can write gets the status alone, as from Boot.
	 */
	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<String> notAcceptable(HttpServletRequest request) {
		return boot.mediaTypeNotAcceptable(request);
	}

	private static ProblemDetail problem(HttpServletRequest request, HttpStatus status) {
		ProblemDetail problem = ApiExceptionHandler.problem(status, message(status, request));
		problem.setInstance(java.net.URI.create(path(request)));
		return problem;
	}

	/** Says what went wrong without anything of the exception behind it. */
	private static String message(HttpStatus status, HttpServletRequest request) {
		if (status == HttpStatus.NOT_FOUND) {
			return "there is no API at " + path(request);
		}
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			return path(request) + " does not accept " + request.getMethod();
		}
		if (status.is5xxServerError()) {
			return "the server could not answer; try again later";
		}
		return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
	}

	private static boolean api(HttpServletRequest request) {
		String path = path(request);
		return path.equals("/api") || path.startsWith("/api/");
	}

	/** The address the client asked for, without the context path. */
	private static String path(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri != null ? uri.toString() : request.getRequestURI();
		String context = request.getContextPath();
		return path.startsWith(context) ? path.substring(context.length()) : path;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
