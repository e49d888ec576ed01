package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Retries a send on resilience4j: transient failures (as the channel's {@code retryable}
 * judges them) are tried again up to {@code maxAttempts} in all, after the wait the
 * platform asked for when its error names one ({@code waitHint}, e.g. Telegram's
 * {@code retry_after} or WeChat's "retry next minute"), else after an exponential backoff
 * with jitter between {@code initial} and {@code max}.
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
		this.retry = Retry.of(name,
				RetryConfig.custom()
					.maxAttempts(maxAttempts)
					.intervalBiFunction(interval)
					.retryOnException(retryable)
					.build());
		retry.getEventPublisher().onRetry(event -> retries.incrementAndGet());
	}

	/**
	 * Runs {@code send}, retrying as configured; throws the last failure when it gives
	 * up.
	 */
	public void run(CheckedRunnable send) throws Throwable {
		retry.executeCheckedSupplier(() -> {
			send.run();
			return null;
		});
	}

	/**
	 * Starts {@code send} and, while it fails in a retryable way, starts it again on
	 * {@code scheduler} after the wait, holding no thread meanwhile. The future fails
	 * with the last failure when it gives up.
	 */
	public <T> CompletableFuture<T> runAsync(ScheduledExecutorService scheduler,
			Supplier<? extends CompletionStage<T>> send) {
		Supplier<CompletionStage<T>> attempt = () -> {
			try {
				// judged by the failure itself, not by the CompletionException an async
				// step wraps it in
				return send.get()
					.toCompletableFuture()
					.exceptionallyCompose(failure -> CompletableFuture
						.failedFuture(failure instanceof CompletionException && failure.getCause() != null
								? failure.getCause() : failure));
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		};
		return retry.executeCompletionStage(scheduler, attempt).toCompletableFuture();
	}

	/**
	 * Tells {@code listener} the failure behind every retry, e.g. to count retries by
	 * cause.
	 */
	public void onRetry(Consumer<Throwable> listener) {
		retry.getEventPublisher().onRetry(event -> listener.accept(event.getLastThrowable()));
	}

	/** How many retries were made so far. */
	public long retries() {
		return retries.get();
	}

	/**
	 * The wait before retry number {@code retry} (1 for the first): initial·2^(retry-1),
	 * capped, 50-100% of it.
	 */
	public static Duration backoff(int retry, Duration initial, Duration max) {
		long ceiling = initial.toMillis() << Math.min(Math.max(retry - 1, 0), 30);
		long capped = Math.min(Math.max(ceiling, 1), max.toMillis());
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(Math.max(jittered, 1));
	}

}
