package org.qualitymonth.assistant.querylog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code bot.query-log.*} as operators write it, in YAML or as environment variables. */
class QueryLogSettingsTest {

	static QueryLogSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("bot.query-log",
				QueryLogSettings.class);
	}

	@Test
	void defaultsToHalfAYearInBeijingTime() {
		QueryLogSettings settings = bind(Map.of());
		assertThat(settings.retention()).isEqualTo(Duration.ofDays(180));
		assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(settings.spoolLimit()).isEqualTo(DataSize.ofMegabytes(256));
		assertThat(settings.publicEmails()).containsExactly("caiyugang@samr.gov.cn");
		assertThat(settings.salt()).isNull();
	}

	@Test
	void readsTheRetentionAndTheSaltFromTheEnvironment() {
		MutablePropertySources sources = new MutablePropertySources();
		sources
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("BOT_QUERYLOG_RETENTION", "30d", "BOT_QUERYLOG_SALT", "salt from the environment")));
		QueryLogSettings settings = new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("bot.query-log",
				QueryLogSettings.class);
		assertThat(settings.retention()).isEqualTo(Duration.ofDays(30));
		assertThat(settings.salt()).isEqualTo("salt from the environment");
		assertThat(settings.toString()).doesNotContain("salt from the environment");
	}

	@Test
	void refusesANonPositiveRetention() {
		assertThatThrownBy(() -> bind(Map.of("bot.query-log.retention", "0d"))).isInstanceOf(BindException.class)
			.hasRootCauseMessage("bot.query-log.retention must be a positive duration such as 180d or 30s, was PT0S");
	}

}
