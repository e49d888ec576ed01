package org.qualitymonth.assistant.channel.web;

import jakarta.servlet.http.HttpServletRequest;

import org.qualitymonth.assistant.chat.FloodControl;
import org.springframework.stereotype.Component;

/**
 * Flood control for the HTTP channel: per conversation ({@code web:<session>}) and per
 * client address, so a client rotating its {@code sessionId}s still meets the address's
 * budget.
 */
@Component
class WebFloodControl {

	private final FloodControl floodControl;

	WebFloodControl(FloodControl floodControl) {
		this.floodControl = floodControl;
	}

	/**
	 * @param sessionId the namespaced conversation ({@code web:<id>}), or null
	 */
	void check(String sessionId, HttpServletRequest request) {
		if (sessionId != null) {
			floodControl.tryAcquire(sessionId).ifPresent(seconds -> {
				throw new TooManyQuestionsException(seconds);
			});
		}
		floodControl.tryAcquireAddress("web", request.getRemoteAddr()).ifPresent(seconds -> {
			throw new TooManyQuestionsException(seconds);
		});
	}

}
