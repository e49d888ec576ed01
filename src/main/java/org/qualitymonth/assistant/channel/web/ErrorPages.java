package org.qualitymonth.assistant.channel.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a browser gets for an unknown address, a wrong method or a failure: Chinese,
 * in the chat page's look, with a way back, and nothing of the framework (no
 * "Whitelabel", no exception, no stack trace). Machines asking for JSON still get JSON
 * from Spring's error controller. The admin side builds its own pages with {@link #page},
 * the one type of this channel that another module may use.
 */
@Component
@NamedInterface("error-pages")
public class ErrorPages implements ErrorViewResolver, Ordered {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		return page("error-page", status);
	}

	/**
	 * The view {@code template} for {@code status}, with the message keys of its kind:
	 * {@code errorPage.<kind>.title} and {@code .text}.
	 */
	public static ModelAndView page(String template, HttpStatus status) {
		Map<String, Object> model = new HashMap<>();
		model.put("status", status.value());
		model.put("kind", kind(status));
		return new ModelAndView(template, model, status);
	}

	private static String kind(HttpStatus status) {
		if (status == HttpStatus.NOT_FOUND) {
			return "notFound";
		}
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			return "methodNotAllowed";
		}
		if (status == HttpStatus.FORBIDDEN) {
			return "forbidden";
		}
		return status.is5xxServerError() ? "serverError" : "badRequest";
	}

	/** After the admin side's resolver, which claims the admin paths. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
