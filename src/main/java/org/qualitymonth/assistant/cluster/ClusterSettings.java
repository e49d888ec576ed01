package org.qualitymonth.assistant.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Replicated mode ({@code bot.cluster.*}); see docs/deployment.md.
 *
 * @param enabled several identical replicas behind a load balancer, sharing PostgreSQL
 * ({@code spring.datasource.url}) and Redis ({@code spring.data.redis.url}); off by
 * default: one process, everything in it
 * @param knowledgePoll how often a replica checks the knowledge version row for an edit
 * made on another replica
 * @param redisTimeout how long a Redis command may take before the replica answers from
 * its own state instead
 * @param redisRetry how long a replica keeps to its own state after Redis failed before
 * trying Redis again
 * @param keyPrefix prefix of every Redis key, so several deployments may share one Redis
 */
@ConfigurationProperties("bot.cluster")
public record ClusterSettings(@DefaultValue("false") boolean enabled, @DefaultValue("1s") Duration knowledgePoll,
		@DefaultValue("500ms") Duration redisTimeout, @DefaultValue("5s") Duration redisRetry,
		@DefaultValue("qm") String keyPrefix) {

	public ClusterSettings {
		for (Duration d : new Duration[] { knowledgePoll, redisTimeout, redisRetry }) {
			if (d == null || d.isNegative() || d.isZero()) {
				throw new IllegalArgumentException(
						"bot.cluster.knowledge-poll, redis-timeout and redis-retry must be positive durations");
			}
		}
		if (keyPrefix == null || !keyPrefix.matches("[A-Za-z0-9_.-]{1,32}")) {
			throw new IllegalArgumentException("bot.cluster.key-prefix must be 1-32 letters, digits, '_', '.' or '-'");
		}
	}

}
