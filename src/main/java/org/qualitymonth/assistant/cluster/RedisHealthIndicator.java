package org.qualitymonth.assistant.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code redis} in the health and in readiness (replicated mode only). A Redis outage
 * reports DEGRADED, which is HTTP 200: every replica shares the one Redis, so failing
 * readiness on it would take all of them out of the load balancer at once and turn a
 * degradation (state per replica) into a full outage.
 */
final class RedisHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED",
			"Redis is away; conversation context, rate budgets and de-duplication are per replica");

	private final SharedRedis redis;

	RedisHealthIndicator(SharedRedis redis) {
		this.redis = redis;
	}

	@Override
	public Health health() {
		boolean reachable = redis.reachable();
		return Health.status(reachable ? Status.UP : DEGRADED)
			.withDetail("redis", reachable ? "reachable" : "unreachable: state is per replica until it is back")
			.build();
	}

}
