package org.qualitymonth.assistant.admin;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AdminSettingsTest {

	@Test
	void readsThePasswordFromBotAdminPasswordInTheEnvironmentAndNeverShowsIt() {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("BOT_ADMIN_PASSWORD", "from-the-environment")));
		AdminSettings settings = new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("bot.admin",
				AdminSettings.class);
		assertThat(settings.password()).isEqualTo("from-the-environment");
		assertThat(settings.passwordSet()).isTrue();
		assertThat(settings.toString()).doesNotContain("from-the-environment");
	}

	@Test
	void hasNoPasswordWhenNoneIsGiven() {
		assertThat(new AdminSettings(null).passwordSet()).isFalse();
		assertThat(new AdminSettings(" ").passwordSet()).isFalse();
	}

}
