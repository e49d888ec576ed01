package org.qualitymonth.assistant.channel.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.chat.FloodControl;
import org.qualitymonth.assistant.chat.RateLimitSettings;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebFloodControlTest {

	private final WebFloodControl flood = new WebFloodControl(
			new FloodControl(new RateLimitSettings(true, 2, Duration.ofHours(1), 1000, 4)));

	@Test
	void rotatingSessionIdsDoNotEscapeTheAddressBudget() {
		MockHttpServletRequest request = from("203.0.113.9");
		for (int i = 0; i < 4; i++) {
			flood.check(AskController.conversation("rotating-" + i), request);
		}

		assertThatThrownBy(() -> flood.check(AskController.conversation("rotating-new"), request))
			.isInstanceOf(TooManyQuestionsException.class);
		flood.check(AskController.conversation("rotating-new"), from("198.51.100.3"));
	}

	@Test
	void aSessionIdCannotNameAnotherChannelsConversation() {
		assertThat(AskController.conversation("telegram:42:42")).isEqualTo("web:telegram:42:42");
		assertThat(AskController.conversation("wechat:oXyz")).isEqualTo("web:wechat:oXyz");
		assertThat(AskController.conversation(" ")).isNull();
		assertThat(AskController.conversation("a\u0000b")).isNull();
	}

	private static MockHttpServletRequest from(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		return request;
	}

}
