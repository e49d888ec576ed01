package org.qualitymonth.assistant.querylog;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.ValidationReport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

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
	void aNonPositiveRetentionStopsStartUpNamingTheSetting() {
		startUp("bot.query-log.retention=0d")
			.run(context -> assertThat(ValidationReport.of(context.getStartupFailure()))
				.containsExactly("retention: bot.query-log.retention must be a positive duration such as 180d or 30s"));
	}

	@Test
	void aSpoolOrDatabaseTooSmallToHoldAnythingStopsStartUp() {
		startUp("bot.query-log.spool-limit=100B", "bot.query-log.max-size=10KB", "bot.query-log.flush-interval=-1s")
			.run(context -> assertThat(ValidationReport.of(context.getStartupFailure())).containsExactlyInAnyOrder(
					"spoolLimitAtLeast1KB: bot.query-log.spool-limit must be at least 1KB",
					"maxSizeAtLeast1MB: bot.query-log.max-size must be at least 1MB",
					"flushInterval: bot.query-log.flush-interval must be a positive duration such as 180d or 30s"));
		startUp("bot.query-log.spool-limit=1KB", "bot.query-log.max-size=1MB")
			.run(context -> assertThat(context).hasNotFailed());
	}

	private static ApplicationContextRunner startUp(String... properties) {
		return new ApplicationContextRunner().withUserConfiguration(Settings.class).withPropertyValues(properties);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(QueryLogSettings.class)
	static class Settings {

	}

}
