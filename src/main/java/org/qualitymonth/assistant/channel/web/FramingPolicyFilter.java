package org.qualitymonth.assistant.channel.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only the configured sites ({@code bot.web.embed-origins}) frame the chat page, so a government site can embed
 * the widget while nobody else can overlay it (clickjacking). Sent on every response: framing any other URL is never
 * needed.
 */
@Component
class FramingPolicyFilter extends OncePerRequestFilter {

	private final String policy;

	FramingPolicyFilter(WebSettings settings) {
		this.policy = settings.frameAncestors();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// addHeader, not setHeader: a page-wide Content-Security-Policy added elsewhere stays in force alongside
		response.addHeader("Content-Security-Policy", policy);
		chain.doFilter(request, response);
	}

}
