package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Keeps a channel's outbound messages under the platform's rates on Bucket4j token
 * buckets: the overall rate, and optionally each recipient's own least interval
 * (Telegram: about 1/s per chat, 20/min per group). {@link #awaitTurn()} blocks;
 * {@link #turn} waits on a scheduler instead, and takes the overall token only once the
 * recipient's own turn has come, so a recipient held back never delays the others.
 */
public final class Pacing {

	private final Bucket overall;

	/**
	 * The overall rate kept elsewhere (Redis: one rate per bot token for all replicas);
	 * null when it is {@link #overall}.
	 */
	private final org.qualitymonth.assistant.chat.RateBuckets shared;

	private final String sharedKey;

	private final io.github.bucket4j.BucketConfiguration sharedConfiguration;

	private final TimeMeter clock;

	/**
	 * One bucket per recipient that has an interval; an idle one is full again, so it may
	 * be forgotten.
	 */
	private final Cache<String, Bucket> recipients = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofMinutes(10))
		.maximumSize(200_000)
		.build();

	/** Up to {@code perSecond} at once, then {@code perSecond} a second. */
	public Pacing(int perSecond) {
		this(perSecond, perSecond, TimeMeter.SYSTEM_NANOTIME);
	}

	private Pacing(int perSecond, int burst, TimeMeter clock) {
		if (perSecond < 1) {
			throw new IllegalArgumentException("a pace is at least one message a second");
		}
		this.clock = clock;
		this.overall = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.withCustomTimePrecision(clock)
			.build();
		this.shared = null;
		this.sharedKey = null;
		this.sharedConfiguration = null;
	}

	private Pacing(int perSecond, org.qualitymonth.assistant.chat.RateBuckets shared, String key) {
		if (perSecond < 1) {
			throw new IllegalArgumentException("a pace is at least one message a second");
		}
		this.clock = TimeMeter.SYSTEM_NANOTIME;
		this.overall = null;
		this.shared = shared;
		this.sharedKey = key;
		this.sharedConfiguration = io.github.bucket4j.BucketConfiguration.builder()
			.addLimit(Bandwidth.builder().capacity(1).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.build();
	}

	/**
	 * {@link #evenly(int)} with the overall rate in {@code buckets} under {@code key},
	 * shared by every process that paces the same key (replicas sending for one Telegram
	 * bot); each recipient's interval stays in this process.
	 */
	public static Pacing evenlyShared(int perSecond, org.qualitymonth.assistant.chat.RateBuckets buckets, String key) {
		return new Pacing(perSecond, buckets, key);
	}

	/**
	 * Messages spaced evenly, {@code 1/perSecond} s apart, with no burst: no second ever
	 * holds more than {@code perSecond} sends (Telegram's 30 per second overall).
	 */
	public static Pacing evenly(int perSecond) {
		return evenly(perSecond, TimeMeter.SYSTEM_NANOTIME);
	}

	/** {@link #evenly(int)} on a clock of the caller's, for tests. */
	public static Pacing evenly(int perSecond, TimeMeter clock) {
		return new Pacing(perSecond, 1, clock);
	}

	/** Waits until the next message may go out. */
	public void awaitTurn() throws InterruptedException {
		if (shared == null) {
			overall.asBlocking().consume(1);
			return;
		}
		for (io.github.bucket4j.ConsumptionProbe probe = shared.take(sharedKey, sharedConfiguration); !probe
			.isConsumed(); probe = shared.take(sharedKey, sharedConfiguration)) {
			java.util.concurrent.TimeUnit.NANOSECONDS.sleep(Math.max(1_000_000, probe.getNanosToWaitForRefill()));
		}
	}

	/**
	 * Reserves the next turn of {@code recipient}, at least {@code interval} after its
	 * previous one, and then the overall rate's; the future completes when the message
	 * may go out.
	 */
	public CompletableFuture<Void> turn(String recipient, Duration interval, ScheduledExecutorService scheduler) {
		CompletableFuture<Void> own = interval.isZero() ? CompletableFuture.completedFuture(null)
				: recipients.get(recipient + "/" + interval.toNanos(), key -> everyInterval(interval))
					.asScheduler()
					.consume(1, scheduler);
		return own.thenCompose(ignored -> shared == null ? overall.asScheduler().consume(1, scheduler)
				: sharedTurn(scheduler, new CompletableFuture<>()));
	}

	/** Takes the shared overall token, or tries again when the store says it is there. */
	private CompletableFuture<Void> sharedTurn(ScheduledExecutorService scheduler, CompletableFuture<Void> turn) {
		try {
			io.github.bucket4j.ConsumptionProbe probe = shared.take(sharedKey, sharedConfiguration);
			if (probe.isConsumed()) {
				turn.complete(null);
			}
			else {
				scheduler.schedule(() -> sharedTurn(scheduler, turn),
						Math.max(1_000_000, probe.getNanosToWaitForRefill()),
						java.util.concurrent.TimeUnit.NANOSECONDS);
			}
		}
		catch (RuntimeException ex) {
			turn.completeExceptionally(ex);
		}
		return turn;
	}

	private Bucket everyInterval(Duration interval) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(1).refillGreedy(1, interval).build())
			.withCustomTimePrecision(clock)
			.build();
	}

}
