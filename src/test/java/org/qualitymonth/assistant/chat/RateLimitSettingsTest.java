package org.qualitymonth.assistant.chat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.ValidationReport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bot.rate-limit.*}: limits that cannot work stop start-up. */
class RateLimitSettingsTest {

	@Test
	void thirtyQuestionsAMinuteAndThreeHundredPerAddressUnlessToldOtherwise() {
		startUp().run(context -> assertThat(context.getBean(RateLimitSettings.class))
			.isEqualTo(new RateLimitSettings(true, 30, Duration.ofMinutes(1), 100_000, 300)));
	}

	@Test
	void noQuestionsOrNoPeriodStopsStartUpNamingTheSetting() {
		startUp("bot.rate-limit.questions-per-period=0", "bot.rate-limit.period=0s")
			.run(context -> assertThat(ValidationReport.of(context.getStartupFailure())).containsExactlyInAnyOrder(
					"questionsPerPeriod: bot.rate-limit.questions-per-period must be at least 1",
					"period: bot.rate-limit.period must be positive"));
	}

	@Test
	void anAddressMayNotAskLessThanOneSession() {
		startUp("bot.rate-limit.questions-per-period=10", "bot.rate-limit.questions-per-address=9")
			.run(context -> assertThat(ValidationReport.of(context.getStartupFailure())).containsExactly(
					"questionsPerAddressAtLeastPerPeriod: bot.rate-limit.questions-per-address must be at least bot.rate-limit.questions-per-period"));
		startUp("bot.rate-limit.questions-per-period=10", "bot.rate-limit.questions-per-address=10")
			.run(context -> assertThat(context).hasNotFailed());
	}

	private static ApplicationContextRunner startUp(String... properties) {
		return new ApplicationContextRunner().withUserConfiguration(Settings.class).withPropertyValues(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RateLimitSettings.class)
	static class Settings {

	}

}
