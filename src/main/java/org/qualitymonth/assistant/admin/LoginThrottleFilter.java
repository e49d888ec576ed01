package org.qualitymonth.assistant.admin;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt (HTTP Basic credentials, or the login form being posted) from
 * an address that failed too often, before the password is even checked: the form is sent
 * back with a notice, scripts get 429 with {@code Retry-After}. Requests of a session
 * that is already logged in pass.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	static final String LOGIN_PAGE = "/admin/login";

	private final LoginThrottle throttle;

	private final JsonMapper json;

	LoginThrottleFilter(LoginThrottle throttle, JsonMapper json) {
		this.throttle = throttle;
		this.json = json;
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
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			ApiProblems.write(response, HttpStatus.TOO_MANY_REQUESTS,
					"too many failed logins from this address; try again in " + wait.getAsLong() + " seconds", json);
		}
	}

}
