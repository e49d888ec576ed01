package org.qualitymonth.assistant.cluster;

import java.time.Duration;

import io.lettuce.core.SetArgs;

import org.qualitymonth.assistant.chat.DeliveryClaims;

/**
 * A delivery is claimed with {@code SET <prefix>:delivery:<id> 1 NX EX <remembered>}: the
 * first replica to set it handles it. While Redis is away every replica handles what it
 * has not seen itself (the channel's own de-duplication still holds within a replica), so
 * a redelivery reaching another replica may be answered twice.
 */
final class RedisDeliveryClaims implements DeliveryClaims {

	private final SharedRedis redis;

	private final String prefix;

	RedisDeliveryClaims(SharedRedis redis, String keyPrefix) {
		this.redis = redis;
		this.prefix = keyPrefix + ":delivery:";
	}

	@Override
	public boolean firstDelivery(String deliveryId, Duration remembered) {
		SetArgs once = SetArgs.Builder.nx().ex(Math.max(1, remembered.toSeconds()));
		return redis.text(r -> "OK".equals(r.set(prefix + deliveryId, "1", once)), () -> true);
	}

}
