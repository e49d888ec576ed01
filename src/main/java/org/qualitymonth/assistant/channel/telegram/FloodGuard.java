package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Per-citizen flood control: a token bucket per Telegram user. A citizen pasting a hundred
 * messages gets the first few answered and one notice; the rest are dropped before they cost any
 * classification or any of the chat's send budget, so other citizens are not kept waiting.
 */
final class FloodGuard {

	enum Verdict {

		/** Within the budget: answer. */
		ALLOW,

		/** The first message over the budget: tell the citizen to slow down. */
		WARN,

		/** Further messages over the budget: ignore. */
		DROP

	}

	private static final class Bucket {

		double tokens;

		long refilledAt;

		boolean warned;

	}

	private final int burst;

	private final long refillNanos;

	private final LongSupplier nanoClock;

	private final Cache<Long, Bucket> buckets;

	FloodGuard(int burst, Duration refill, LongSupplier nanoClock) {
		this.burst = burst;
		this.refillNanos = refill.toNanos();
		this.nanoClock = nanoClock;
		// a bucket left alone for a full refill cycle is full again, so forgetting it changes nothing
		long idleNanos = Math.max(refillNanos * burst, TimeUnit.MINUTES.toNanos(1));
		this.buckets = Caffeine.newBuilder()
			.maximumSize(200_000)
			.expireAfterAccess(Duration.ofNanos(idleNanos))
			.build();
	}

	Verdict check(long userId) {
		long now = nanoClock.getAsLong();
		Bucket bucket = buckets.get(userId, id -> {
			Bucket fresh = new Bucket();
			fresh.tokens = burst;
			fresh.refilledAt = now;
			return fresh;
		});
		synchronized (bucket) {
			long elapsed = Math.max(0, now - bucket.refilledAt);
			bucket.tokens = Math.min(burst, bucket.tokens + (double) elapsed / refillNanos);
			bucket.refilledAt = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				bucket.warned = false;
				return Verdict.ALLOW;
			}
			if (!bucket.warned) {
				bucket.warned = true;
				return Verdict.WARN;
			}
			return Verdict.DROP;
		}
	}

}
