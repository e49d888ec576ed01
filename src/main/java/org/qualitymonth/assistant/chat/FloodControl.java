package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Per-session (or per-user) token buckets, so one citizen pasting a hundred messages cannot starve
 * the others. Every channel asks here before asking the chat service.
 */
public final class FloodControl {

	private final RateLimitSettings settings;

	private final Cache<String, Bucket> buckets;

	private final TimeMeter clock;

	public FloodControl(RateLimitSettings settings) {
		this(settings, TimeMeter.SYSTEM_NANOTIME);
	}

	/** With a clock of the caller's, for tests. */
	public FloodControl(RateLimitSettings settings, TimeMeter clock) {
		this.settings = settings;
		this.clock = clock;
		// an idle bucket is full again after one period, so it can be forgotten then
		this.buckets = Caffeine.newBuilder()
			.expireAfterAccess(settings.period().plusSeconds(1))
			.maximumSize(settings.maxTracked())
			.build();
	}

	/**
	 * Takes one question from {@code key}'s allowance.
	 * @return empty when allowed, otherwise how many seconds to wait
	 */
	public OptionalLong tryAcquire(String key) {
		if (!settings.enabled()) {
			return OptionalLong.empty();
		}
		return take(buckets.get(key, k -> newBucket(settings.questionsPerPeriod())));
	}

	/**
	 * Takes one question from the allowance of client address {@code address} on {@code channel}
	 * ({@code bot.rate-limit.questions-per-address}), which every conversation from that address shares.
	 * @return empty when allowed, otherwise how many seconds to wait
	 */
	public OptionalLong tryAcquireAddress(String channel, String address) {
		if (!settings.enabled()) {
			return OptionalLong.empty();
		}
		return take(buckets.get(channel + "-address:" + address, k -> newBucket(settings.questionsPerAddress())));
	}

	private static OptionalLong take(Bucket bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			return OptionalLong.empty();
		}
		long nanos = probe.getNanosToWaitForRefill();
		return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999)));
	}

	private Bucket newBucket(int capacity) {
		Duration period = settings.period();
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.withCustomTimePrecision(clock)
			.build();
	}

}
