package org.qualitymonth.assistant.cluster;

import java.time.Duration;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;

import org.qualitymonth.assistant.chat.RateBuckets;

/**
 * Flood-control buckets in Redis through Bucket4j's Lettuce proxy manager
 * (compare-and-swap), so a citizen has one budget whichever replica answers. A bucket
 * expires once it would be full again. While Redis is away each replica keeps its own
 * buckets: a citizen's budget is then per replica (up to one budget per replica).
 */
final class RedisRateBuckets implements RateBuckets {

	private final SharedRedis redis;

	private final String prefix;

	private final Duration timeout;

	private final RateBuckets fallback;

	private ProxyManager<String> proxies;

	RedisRateBuckets(SharedRedis redis, String keyPrefix, Duration timeout, RateBuckets fallback) {
		this.redis = redis;
		this.prefix = keyPrefix + ":rate:";
		this.timeout = timeout;
		this.fallback = fallback;
	}

	@Override
	public ConsumptionProbe take(String key, BucketConfiguration configuration) {
		return redis.bytes(connection -> proxies(connection).builder()
			.build(prefix + key, () -> configuration)
			.tryConsumeAndReturnRemaining(1), () -> fallback.take(key, configuration));
	}

	private synchronized ProxyManager<String> proxies(
			io.lettuce.core.api.StatefulRedisConnection<String, byte[]> connection) {
		if (proxies == null) {
			proxies = Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(
						ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
				.requestTimeout(timeout)
				.build();
		}
		return proxies;
	}

}
