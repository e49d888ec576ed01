package org.qualitymonth.assistant.cluster;

import java.time.Duration;
import java.util.UUID;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.qualitymonth.assistant.chat.ContextStore;
import org.qualitymonth.assistant.chat.FloodControl;
import org.qualitymonth.assistant.chat.RateLimitSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis adapters against a real Redis, two "replicas" being two adapters on their own
 * connections.
 */
class RedisAdaptersTest {

	static TestRedis redis;

	static SharedRedis replicaA;

	static SharedRedis replicaB;

	final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void start() throws InterruptedException {
		redis = TestRedis.start();
		// retrying soon: a cold first connection on a busy machine must not leave a
		// replica on its fallback
		replicaA = new SharedRedis(redis.url(), Duration.ofMillis(500), Duration.ofMillis(100));
		replicaB = new SharedRedis(redis.url(), Duration.ofMillis(500), Duration.ofMillis(100));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!(replicaA.reachable() && replicaB.reachable()) && System.nanoTime() < deadline) {
			Thread.sleep(150);
		}
	}

	@AfterAll
	static void stop() {
		replicaA.close();
		replicaB.close();
		redis.close();
	}

	@Test
	void aTurnRememberedByOneReplicaIsThePreviousTurnOnTheOtherUntilIdle() throws Exception {
		ContextStore a = new RedisContextStore(replicaA, prefix, Duration.ofSeconds(30),
				ContextStore.inMemory(Duration.ofMinutes(1), 10));
		ContextStore b = new RedisContextStore(replicaB, prefix, Duration.ofSeconds(30),
				ContextStore.inMemory(Duration.ofMinutes(1), 10));
		a.remember("web:s1", new ContextStore.Turn("contact_person", "联系人是谁\n第二行"));
		assertThat(b.previous("web:s1")).isEqualTo(new ContextStore.Turn("contact_person", "联系人是谁\n第二行"));
		assertThat(b.previous("web:s2")).isNull();
		assertThat(redis.command("TTL", prefix + ":ctx:web:s1")).matches(":(29|30)");
	}

	@Test
	void aDeliveryIsClaimedByOneReplicaOnly() {
		RedisDeliveryClaims a = new RedisDeliveryClaims(replicaA, prefix);
		RedisDeliveryClaims b = new RedisDeliveryClaims(replicaB, prefix);
		assertThat(a.firstDelivery("telegram:1:42", Duration.ofMinutes(10))).isTrue();
		assertThat(b.firstDelivery("telegram:1:42", Duration.ofMinutes(10))).isFalse();
		assertThat(a.firstDelivery("telegram:1:42", Duration.ofMinutes(10))).isFalse();
		assertThat(b.firstDelivery("telegram:1:43", Duration.ofMinutes(10))).isTrue();
	}

	@Test
	void theRateBudgetIsOneForBothReplicas() {
		RateLimitSettings settings = new RateLimitSettings(true, 30, Duration.ofMinutes(1), 1000);
		FloodControl a = new FloodControl(settings, new RedisRateBuckets(replicaA, prefix, Duration.ofMillis(500),
				FloodControl.local(settings, TimeMeter.SYSTEM_NANOTIME)));
		FloodControl b = new FloodControl(settings, new RedisRateBuckets(replicaB, prefix, Duration.ofMillis(500),
				FloodControl.local(settings, TimeMeter.SYSTEM_NANOTIME)));
		int allowed = 0;
		for (int i = 0; i < 60; i++) {
			if ((i % 2 == 0 ? a : b).tryAcquire("web:citizen").isEmpty()) {
				allowed++;
			}
		}
		assertThat(allowed).isEqualTo(30);
		assertThat(a.tryAcquire("web:someone-else")).isEmpty();
	}

	@Test
	void withoutRedisEachReplicaAnswersFromItsOwnStateWithoutFailing() {
		// nothing listens on port 1: every call fails at once and the fallbacks answer
		SharedRedis away = new SharedRedis("redis://127.0.0.1:1", Duration.ofMillis(300), Duration.ofSeconds(5));
		try {
			ContextStore context = new RedisContextStore(away, prefix, Duration.ofMinutes(1),
					ContextStore.inMemory(Duration.ofMinutes(1), 10));
			context.remember("web:s", new ContextStore.Turn("theme", "主题"));
			assertThat(context.previous("web:s")).isEqualTo(new ContextStore.Turn("theme", "主题"));
			assertThat(new RedisDeliveryClaims(away, prefix).firstDelivery("wechat:1", Duration.ofMinutes(1))).isTrue();
			RateLimitSettings settings = new RateLimitSettings(true, 2, Duration.ofMinutes(1), 1000);
			FloodControl flood = new FloodControl(settings, new RedisRateBuckets(away, prefix, Duration.ofMillis(300),
					FloodControl.local(settings, TimeMeter.SYSTEM_NANOTIME)));
			assertThat(flood.tryAcquire("u")).isEmpty();
			assertThat(flood.tryAcquire("u")).isEmpty();
			assertThat(flood.tryAcquire("u")).isPresent();
			assertThat(away.away()).isTrue();
			assertThat(new RedisHealthIndicator(away).health().getStatus()).isEqualTo(RedisHealthIndicator.DEGRADED);
		}
		finally {
			away.close();
		}
		assertThat(new RedisHealthIndicator(replicaA).health().getStatus().getCode()).isEqualTo("UP");
	}

	@Test
	void aRateBucketExpiresInRedisOnceItWouldBeFullAgain() {
		// the proxy manager keeps a bucket in Redis only until it would be full again, so
		// idle citizens cost nothing
		BucketConfiguration configuration = BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofSeconds(1)).build())
			.build();
		assertThat(new RedisRateBuckets(replicaA, prefix, Duration.ofMillis(500), (k, c) -> null)
			.take("expiring", configuration)
			.isConsumed()).isTrue();
		assertThat(Long.parseLong(redis.commandUnchecked("PTTL", prefix + ":rate:expiring").substring(1))).isPositive();
	}

}
