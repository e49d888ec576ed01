package org.qualitymonth.assistant.admin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.ValidationReport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AdminSettingsTest {

	@Test
	void readsThePasswordFromBotAdminPasswordInTheEnvironmentAndNeverShowsIt() {
		MutablePropertySources sources = new MutablePropertySources();
		sources
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("BOT_ADMIN_PASSWORD", "from-the-environment")));
		AdminSettings settings = new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("bot.admin",
				AdminSettings.class);
		assertThat(settings.password()).isEqualTo("from-the-environment");
		assertThat(settings.passwordSet()).isTrue();
		assertThat(settings.toString()).doesNotContain("from-the-environment");
	}

	@Test
	void hasNoPasswordWhenNoneIsGiven() {
		assertThat(new AdminSettings(null, null).passwordSet()).isFalse();
		assertThat(new AdminSettings(" ", null).passwordSet()).isFalse();
	}

	@Test
	void throttlesTenFailedLoginsPerQuarterHourUnlessToldOtherwise() {
		assertThat(bind(Map.of()).loginThrottle())
			.isEqualTo(new AdminSettings.LoginThrottle(10, Duration.ofMinutes(15)));
		assertThat(new AdminSettings(null, null).loginThrottle()).isEqualTo(bind(Map.of()).loginThrottle());
		AdminSettings configured = bind(
				Map.of("BOT_ADMIN_LOGINTHROTTLE_FAILURES", "3", "BOT_ADMIN_LOGINTHROTTLE_PERIOD", "1h"));
		assertThat(configured.loginThrottle()).isEqualTo(new AdminSettings.LoginThrottle(3, Duration.ofHours(1)));
	}

	@Test
	void aThrottleThatCannotWorkStopsStartUpNamingTheSetting() {
		startUp("bot.admin.login-throttle.failures=0", "bot.admin.login-throttle.period=0s")
			.run(context -> assertThat(ValidationReport.of(context.getStartupFailure())).containsExactlyInAnyOrder(
					"loginThrottle.failures: bot.admin.login-throttle.failures must be at least 1",
					"loginThrottle.period: bot.admin.login-throttle.period must be a positive duration such as 15m"));
	}

	@Test
	void aShortPasswordStopsStartUpWithoutShowingIt() {
		startUp("bot.admin.password=seven77").run(context -> {
			assertThat(ValidationReport.of(context.getStartupFailure()))
				.containsExactly("passwordLongEnough: bot.admin.password is too short: use at least 8 characters");
			StringWriter report = new StringWriter();
			context.getStartupFailure().printStackTrace(new PrintWriter(report));
			assertThat(report.toString()).doesNotContain("seven77");
		});
		startUp("bot.admin.password=eight888").run(context -> assertThat(context).hasNotFailed());
		startUp("bot.admin.password=  ").run(context -> assertThat(context).hasNotFailed());
	}

	private static ApplicationContextRunner startUp(String... properties) {
		return new ApplicationContextRunner().withUserConfiguration(Settings.class).withPropertyValues(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AdminSettings.class)
	static class Settings {

	}

	private static AdminSettings bind(Map<String, Object> environment) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("bot.admin", AdminSettings.class);
	}

}
