package org.qualitymonth.assistant.cluster;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * What replicated mode cannot run without. Checked before anything connects anywhere, and
 * all at once, so that an operator fixes the configuration in one go. Messages name
 * settings, never their values.
 */
final class ClusterRequirements {

	private ClusterRequirements() {
	}

	static void check(Environment env) {
		List<String> missing = new ArrayList<>();
		String db = env.getProperty("spring.datasource.url", "");
		if (!db.startsWith("jdbc:postgresql:")) {
			missing.add("PostgreSQL: set spring.datasource.url (SPRING_DATASOURCE_URL) to a jdbc:postgresql:// URL"
					+ (db.isBlank() ? "; without one the query log would be an H2 file on this replica's own disk"
							: "; H2 and other databases are single-process only"));
		}
		String redis = env.getProperty("spring.data.redis.url", "");
		if (!(redis.startsWith("redis://") || redis.startsWith("rediss://"))) {
			missing.add(
					"Redis: set spring.data.redis.url (SPRING_DATA_REDIS_URL), e.g. redis://redis-host:6379/0; it holds"
							+ " conversation context, rate budgets and delivery de-duplication for all replicas");
		}
		String salt = env.getProperty("bot.query-log.salt", "");
		if (salt.isBlank() || salt.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 16) {
			missing.add("bot.query-log.salt (BOT_QUERYLOG_SALT), at least 16 characters and the same on every replica;"
					+ " a salt generated per replica would count one citizen as several");
		}
		if (!env.getProperty("bot.telegram.token", "").isBlank()) {
			if (!"webhook".equalsIgnoreCase(env.getProperty("bot.telegram.mode", "polling").strip())) {
				missing.add("bot.telegram.mode=webhook: long polling is refused in replicated mode, because Telegram"
						+ " answers a second replica's getUpdates with 409 Conflict and only one replica would get updates");
			}
			if (env.getProperty("bot.telegram.webhook.secret", "").isBlank()) {
				missing.add("bot.telegram.webhook.secret (BOT_TELEGRAM_WEBHOOK_SECRET), the same on every replica;"
						+ " a secret generated per replica would be registered by each and the last to start would win");
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalStateException("bot.cluster.enabled=true (replicated mode) needs:\n - "
					+ String.join("\n - ", missing) + "\nSee docs/deployment.md.");
		}
	}

}
