package org.qualitymonth.assistant.admin;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
		assertThatThrownBy(() -> new AdminSettings.LoginThrottle(0, Duration.ofMinutes(1)))
			.hasMessageContaining("bot.admin.login-throttle.failures");
		assertThatThrownBy(() -> new AdminSettings.LoginThrottle(3, Duration.ZERO))
			.hasMessageContaining("bot.admin.login-throttle.period");
	}

	private static AdminSettings bind(Map<String, Object> environment) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
		return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("bot.admin", AdminSettings.class);
	}

}
