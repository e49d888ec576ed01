package org.qualitymonth.assistant.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What every test of the shared application ({@link AppTest}) adds to it: a record of the
 * feedback, and pages that fail as a bug would. The pages run under the app's own
 * Content-Security-Policy (nothing inline, no eval, everything from the app itself);
 * violations show in the browser console, which the tests check.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedTestConfiguration {

	@Bean
	FeedbackRecorder feedbackRecorder() {
		return new FeedbackRecorder();
	}

	/**
	 * Pages that fail as a bug would, at {@code /test-failure},
	 * {@code /admin/test-failure} and {@code /api/test-failure}. A controller that is a
	 * member of this configuration, which registers it (component scanning skips it as a
	 * test component), rather than a router function: a router function's mapping reads
	 * every request's headers first and fails on a wildcard Content-Type, which the
	 * application itself (without router functions) never meets, and the fuzz test would
	 * find it.
	 */
	@Controller
	@TestComponent
	static class FailingPages {

		@GetMapping({ "/test-failure", "/admin/test-failure", "/api/test-failure" })
		String fail() {
			throw new IllegalStateException("secret internal detail");
		}

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
