package org.qualitymonth.assistant.channel.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebSettingsTest {

	@Test
	void framingDefaultsToTheAssistantsOwnOrigin() {
		assertThat(settings((List<String>) null).frameAncestors()).isEqualTo("frame-ancestors 'self'");
		assertThat(settings(List.of()).frameAncestors()).isEqualTo("frame-ancestors 'self'");
	}

	@Test
	void acceptsSelfNoneAndOriginsWithOrWithoutQuotesAndTrailingSlash() {
		assertThat(settings(List.of("self", "HTTPS://www.Example.gov.cn/", "https://*.gov.cn", "http://10.0.0.5:8080"))
			.frameAncestors())
			.isEqualTo("frame-ancestors 'self' https://www.example.gov.cn https://*.gov.cn http://10.0.0.5:8080");
		assertThat(settings(List.of("'self'", " self ")).embedOrigins()).containsExactly("'self'");
		assertThat(settings(List.of("none")).frameAncestors()).isEqualTo("frame-ancestors 'none'");
	}

	@Test
	void refusesAnythingThatIsNotAnOrigin() {
		for (String bad : List.of("www.example.gov.cn", "https://a.gov.cn/page", "https://a.gov.cn; script-src *",
				"https://a.gov.cn\r\nX-Evil: 1", "*", "ftp://a.gov.cn", "'unsafe-inline'", "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> settings(List.of(bad)))
				.withMessageContaining("bot.web.embed-origins");
		}
	}

	@Test
	void refusesNoneCombinedWithOrigins() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(List.of("none", "https://a.gov.cn")))
			.withMessageContaining("'none'");
	}

	private static WebSettings settings(List<String> origins) {
		return new WebSettings(500, 16384, origins);
	}

}
