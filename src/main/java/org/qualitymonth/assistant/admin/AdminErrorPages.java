package org.qualitymonth.assistant.admin;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.qualitymonth.assistant.channel.web.ErrorPages;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages under {@code /admin} keep the admin look and lead back to the overview
 * rather than the chat page.
 */
@Component
class AdminErrorPages implements ErrorViewResolver, Ordered {

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri != null ? uri.toString() : String.valueOf(model.get("path"));
		String context = request.getContextPath();
		if (path.startsWith(context)) {
			path = path.substring(context.length());
		}
		return path.equals("/admin") || path.startsWith("/admin/") ? ErrorPages.page("admin/error-page", status) : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
