package org.qualitymonth.assistant.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * What every test of the shared application ({@link AppTest}) adds to it: a record of the feedback, and pages that fail
 * as a bug would. The pages run under the app's own
 * Content-Security-Policy (nothing inline, no eval, everything from the app itself); violations show in the browser
 * console, which the tests check.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedTestConfiguration {

	@Bean
	FeedbackRecorder feedbackRecorder() {
		return new FeedbackRecorder();
	}

	/**
	 * Pages that fail as a bug would, at {@code /test-failure} and {@code /admin/test-failure}. A router function,
	 * not a {@code @Controller}, so that component scanning does not add it to every other test's application.
	 */
	@Bean
	RouterFunction<ServerResponse> failingPages() {
		return RouterFunctions.route()
			.GET("/test-failure", request -> {
				throw new IllegalStateException("secret internal detail");
			})
			.GET("/admin/test-failure", request -> {
				throw new IllegalStateException("secret internal detail");
			})
			.build();
	}

	/** Keeps every 👍/👎 that reaches the chat service. */
	public static final class FeedbackRecorder implements ConversationListener {

		private final List<Map.Entry<String, Boolean>> feedback = new CopyOnWriteArrayList<>();

		@Override
		public void onReply(Question question, Reply reply) {
		}

		@Override
		public void onFeedback(String replyId, boolean helpful) {
			feedback.add(Map.entry(replyId, helpful));
		}

		public List<Map.Entry<String, Boolean>> received() {
			return List.copyOf(feedback);
		}

	}

}
