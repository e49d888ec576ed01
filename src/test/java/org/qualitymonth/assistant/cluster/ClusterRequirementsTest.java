package org.qualitymonth.assistant.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterRequirementsTest {

	static MockEnvironment complete() {
		return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/qm")
			.withProperty("spring.data.redis.url", "redis://redis:6379/0")
			.withProperty("bot.query-log.salt", "a-salt-of-twenty-chars");
	}

	@Test
	void acceptsPostgresRedisAndASalt() {
		assertThatCode(() -> ClusterRequirements.check(complete())).doesNotThrowAnyException();
	}

	@Test
	void refusesH2NamingTheSettingAndNotItsValue() {
		assertThatThrownBy(() -> ClusterRequirements
			.check(complete().withProperty("spring.datasource.url", "jdbc:h2:file:/secret/path")))
			.hasMessageContaining("PostgreSQL: set spring.datasource.url")
			.hasMessageContaining("H2")
			.hasMessageNotContaining("/secret/path");
	}

	@Test
	void listsEverythingMissingAtOnce() {
		assertThatThrownBy(() -> ClusterRequirements.check(new MockEnvironment()))
			.hasMessageContaining("spring.datasource.url")
			.hasMessageContaining("spring.data.redis.url")
			.hasMessageContaining("bot.query-log.salt");
	}

	@Test
	void refusesTelegramLongPollingAndAGeneratedWebhookSecret() {
		assertThatThrownBy(() -> ClusterRequirements.check(complete().withProperty("bot.telegram.token", "1:abc")))
			.hasMessageContaining("long polling is refused in replicated mode")
			.hasMessageContaining("bot.telegram.webhook.secret");
		assertThatCode(() -> ClusterRequirements.check(complete().withProperty("bot.telegram.token", "1:abc")
			.withProperty("bot.telegram.mode", "webhook")
			.withProperty("bot.telegram.webhook.secret", "s3cret"))).doesNotThrowAnyException();
	}

	@Test
	void refusesAShortSalt() {
		assertThatThrownBy(() -> ClusterRequirements.check(complete().withProperty("bot.query-log.salt", "short")))
			.hasMessageContaining("at least 16 characters");
	}

}
