package org.qualitymonth.assistant.admin;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (HTTP Basic credentials, or the login form being posted) from an address that failed too
 * often, before the password is even checked: the form is sent back with a notice, scripts get 429 with
 * {@code Retry-After}. Requests of a session that is already logged in pass.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN_PAGE = "/admin/login";

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod()) && LOGIN_PAGE.equals(request.getServletPath());
		boolean basic = request.getHeader(HttpHeaders.AUTHORIZATION) != null
				&& request.getHeader(HttpHeaders.AUTHORIZATION).toLowerCase(Locale.ROOT).startsWith("basic ");
		OptionalLong wait = form || basic ? throttle.blockedFor(request.getRemoteAddr()) : OptionalLong.empty();
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
		}
		else if (form) {
			response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?blocked");
		}
		else {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"too many failed logins from this"
						+ " address; try again in " + wait.getAsLong() + " seconds\"}");
		}
	}

}
