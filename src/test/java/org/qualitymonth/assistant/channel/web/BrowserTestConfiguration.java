package org.qualitymonth.assistant.channel.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** What the browser tests add to the application: a strict CSP on every page, and a record of the feedback. */
@TestConfiguration(proxyBeanMethods = false)
class BrowserTestConfiguration {

	/**
	 * The policy the page is written for: nothing inline, no eval, everything from the app itself. Violations show in
	 * the browser console, which the tests check.
	 */
	static final String STRICT_POLICY = "script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
			+ "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

	@Bean
	FilterRegistrationBean<Filter> strictContentSecurityPolicy() {
		Filter filter = (request, response, chain) -> {
			((HttpServletResponse) response).addHeader("Content-Security-Policy", STRICT_POLICY);
			chain.doFilter(request, response);
		};
		return new FilterRegistrationBean<>(filter);
	}

	@Bean
	FeedbackRecorder feedbackRecorder() {
		return new FeedbackRecorder();
	}

	/** Keeps every 👍/👎 that reaches the chat service. */
	static final class FeedbackRecorder implements ConversationListener {

		private final List<Map.Entry<String, Boolean>> feedback = new CopyOnWriteArrayList<>();

		@Override
		public void onReply(Question question, Reply reply) {
		}

		@Override
		public void onFeedback(String replyId, boolean helpful) {
			feedback.add(Map.entry(replyId, helpful));
		}

		List<Map.Entry<String, Boolean>> received() {
			return List.copyOf(feedback);
		}

	}

}
