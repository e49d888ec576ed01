package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import org.qualitymonth.assistant.chat.FloodControl;
import org.qualitymonth.assistant.chat.RateBuckets;
import org.qualitymonth.assistant.chat.RateLimitSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two pacers on one store of buckets stand for two replicas sending for one bot: together
 * they keep the overall rate (the Redis store is tested in cluster/RedisAdaptersTest;
 * here the in-process store stands in for it).
 */
class SharedPacingTest {

	private final RateBuckets store = FloodControl.local(new RateLimitSettings(true, 1, Duration.ofMinutes(1), 100),
			TimeMeter.SYSTEM_NANOTIME);

	@Test
	void twoReplicasSharingTheBotsBucketSendAtItsRateTogether() throws Exception {
		Pacing a = Pacing.evenlyShared(20, store, "telegram-pace:1");
		Pacing b = Pacing.evenlyShared(20, store, "telegram-pace:1");
		ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
		try {
			long started = System.nanoTime();
			CompletableFuture<?>[] turns = new CompletableFuture<?>[20];
			for (int i = 0; i < 20; i++) {
				turns[i] = (i % 2 == 0 ? a : b).turn("chat-" + i, Duration.ZERO, scheduler);
			}
			CompletableFuture.allOf(turns).get();
			long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
			// 20 turns at 20 a second with no burst: the last one is 19/20 s after the
			// first
			assertThat(tookMs).as("20 turns of two replicas at 20/s overall").isGreaterThanOrEqualTo(900);
		}
		finally {
			scheduler.shutdownNow();
		}
	}

	@Test
	void blockingTurnsKeepTheSharedRateToo() throws Exception {
		Pacing a = Pacing.evenlyShared(20, store, "telegram-pace:2");
		Pacing b = Pacing.evenlyShared(20, store, "telegram-pace:2");
		long started = System.nanoTime();
		Thread other = new Thread(() -> {
			try {
				for (int i = 0; i < 10; i++) {
					b.awaitTurn();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		other.start();
		for (int i = 0; i < 10; i++) {
			a.awaitTurn();
		}
		other.join();
		assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isGreaterThanOrEqualTo(900);
	}

	@Test
	void separateKeysArePacedSeparately() throws Exception {
		Pacing one = Pacing.evenlyShared(20, store, "telegram-pace:3");
		Pacing another = Pacing.evenlyShared(20, store, "telegram-pace:4");
		long started = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			one.awaitTurn();
			another.awaitTurn();
		}
		// each key alone: 9/20 s; one shared key would need 19/20 s
		assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis()).isLessThan(800);
	}

}
