package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Retries a send on resilience4j: transient failures (as the channel's {@code retryable} judges them) are
 * tried again up to {@code maxAttempts} in all, after the wait the platform asked for when its error names one
 * ({@code waitHint}, e.g. Telegram's {@code retry_after} or WeChat's "retry next minute"), else after an
 * exponential backoff with jitter between {@code initial} and {@code max}.
 */
public final class Retrying {

	private final Retry retry;

	private final AtomicLong retries = new AtomicLong();

	public Retrying(String name, int maxAttempts, Duration initial, Duration max, Predicate<Throwable> retryable,
			Function<Throwable, Optional<Duration>> waitHint) {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("at least one attempt");
		}
		IntervalBiFunction<Object> interval = (attempt, outcome) -> {
			Optional<Duration> hinted = outcome.isLeft() ? waitHint.apply(outcome.getLeft()) : Optional.empty();
			return hinted.map(Duration::toMillis).orElseGet(() -> backoff(attempt, initial, max).toMillis());
		};
		this.retry = Retry.of(name, RetryConfig.custom()
			.maxAttempts(maxAttempts)
			.intervalBiFunction(interval)
			.retryOnException(retryable)
			.build());
		retry.getEventPublisher().onRetry(event -> retries.incrementAndGet());
	}

	/** Runs {@code send}, retrying as configured; throws the last failure when it gives up. */
	public void run(CheckedRunnable send) throws Throwable {
		retry.executeCheckedSupplier(() -> {
			send.run();
			return null;
		});
	}

	/** How many retries were made so far. */
	public long retries() {
		return retries.get();
	}

	/** The wait before retry number {@code retry} (1 for the first): initial·2^(retry-1), capped, 50-100% of it. */
	static Duration backoff(int retry, Duration initial, Duration max) {
		long ceiling = initial.toMillis() << Math.min(Math.max(retry - 1, 0), 30);
		long capped = Math.min(Math.max(ceiling, 1), max.toMillis());
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(Math.max(jittered, 1));
	}

}
