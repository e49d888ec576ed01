package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketListener;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.MathType;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LockFreeBucket;

/**
 * Per-session (or per-user) token buckets, so one citizen pasting a hundred messages
 * cannot starve the others. Every channel asks here before asking the chat service.
 */
public final class FloodControl {

	private final RateLimitSettings settings;

	private final RateBuckets buckets;

	/**
	 * Built once and shared by every bucket: one per question and one per tracked bucket
	 * were 10 of the 35 MB that 100,000 tracked conversations took.
	 */
	private final BucketConfiguration perConversation;

	private final BucketConfiguration perAddress;

	public FloodControl(RateLimitSettings settings) {
		this(settings, TimeMeter.SYSTEM_NANOTIME);
	}

	/** With a clock of the caller's, for tests. */
	public FloodControl(RateLimitSettings settings, TimeMeter clock) {
		this(settings, local(settings, clock));
	}

	/** With the buckets kept elsewhere (in Redis, shared by the replicas). */
	public FloodControl(RateLimitSettings settings, RateBuckets buckets) {
		this.settings = settings;
		this.buckets = buckets;
		this.perConversation = settings.enabled() ? configuration(settings, settings.questionsPerPeriod()) : null;
		this.perAddress = settings.enabled() ? configuration(settings, settings.questionsPerAddress()) : null;
	}

	/**
	 * Buckets in this process; an idle bucket is full again after one period, so it can
	 * be forgotten then.
	 */
	public static RateBuckets local(RateLimitSettings settings, TimeMeter clock) {
		Cache<String, Bucket> cache = Caffeine.newBuilder()
			.expireAfterAccess(settings.period().plusSeconds(1))
			.maximumSize(settings.maxTracked())
			.build();
		return (key, configuration) -> cache.get(key, k -> bucket(configuration, clock))
			.tryConsumeAndReturnRemaining(1);
	}

	/**
	 * A bucket on the shared configuration: Bucket.builder() would copy it into every
	 * bucket.
	 */
	private static Bucket bucket(BucketConfiguration configuration, TimeMeter clock) {
		return new LockFreeBucket(configuration, MathType.INTEGER_64_BITS, clock, BucketListener.NOPE);
	}

	/**
	 * Takes one question from {@code key}'s allowance.
	 * @return empty when allowed, otherwise how many seconds to wait
	 */
	public OptionalLong tryAcquire(String key) {
		if (!settings.enabled()) {
			return OptionalLong.empty();
		}
		return secondsToWait(buckets.take(key, perConversation));
	}

	/**
	 * Takes one question from the allowance of client address {@code address} on
	 * {@code channel} ({@code bot.rate-limit.questions-per-address}), which every
	 * conversation from that address shares.
	 * @return empty when allowed, otherwise how many seconds to wait
	 */
	public OptionalLong tryAcquireAddress(String channel, String address) {
		if (!settings.enabled()) {
			return OptionalLong.empty();
		}
		return secondsToWait(buckets.take(channel + "-address:" + address, perAddress));
	}

	private static OptionalLong secondsToWait(ConsumptionProbe probe) {
		if (probe.isConsumed()) {
			return OptionalLong.empty();
		}
		long nanos = probe.getNanosToWaitForRefill();
		return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999)));
	}

	private static BucketConfiguration configuration(RateLimitSettings settings, int capacity) {
		Duration period = settings.period();
		return BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
			.build();
	}

}
