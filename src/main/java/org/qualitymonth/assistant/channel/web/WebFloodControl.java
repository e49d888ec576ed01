package org.qualitymonth.assistant.channel.web;

import jakarta.servlet.http.HttpServletRequest;

import org.qualitymonth.assistant.chat.FloodControl;
import org.springframework.stereotype.Component;

/** Flood control for the HTTP channel: per session, or per client address when no session is given. */
@Component
class WebFloodControl {

	private final FloodControl floodControl;

	WebFloodControl(FloodControl floodControl) {
		this.floodControl = floodControl;
	}

	void check(String sessionId, HttpServletRequest request) {
		String key = sessionId != null ? "web-session:" + sessionId : "web-address:" + request.getRemoteAddr();
		floodControl.tryAcquire(key).ifPresent(seconds -> {
			throw new TooManyQuestionsException(seconds);
		});
	}

}
