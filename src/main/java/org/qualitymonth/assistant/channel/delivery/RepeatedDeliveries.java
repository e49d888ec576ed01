package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Handles each delivery once, however often a platform repeats it (WeChat retries an
 * unanswered callback three times, Telegram redelivers webhooks): the first delivery of
 * an id starts the work, every repetition gets the same result. Work that failed is
 * forgotten, so a repetition may try again.
 *
 * @param <T> what handling a delivery produces
 */
public final class RepeatedDeliveries<T> {

	/** Whether this delivery started the work, and the work's result. */
	public record Claim<T>(boolean fresh, CompletableFuture<T> result) {
	}

	private final ConcurrentMap<String, CompletableFuture<T>> results;

	public RepeatedDeliveries(Duration remembered, long maxRemembered) {
		this.results = Caffeine.newBuilder()
			.expireAfterWrite(remembered)
			.maximumSize(maxRemembered)
			.<String, CompletableFuture<T>>build()
			.asMap();
	}

	public Claim<T> claim(String deliveryId, Supplier<CompletableFuture<T>> work) {
		CompletableFuture<T> mine = new CompletableFuture<>();
		CompletableFuture<T> earlier = results.putIfAbsent(deliveryId, mine);
		if (earlier != null) {
			return new Claim<>(false, earlier);
		}
		mine.whenComplete((result, failure) -> {
			if (failure != null) {
				results.remove(deliveryId, mine);
			}
		});
		Stages.completeFrom(work, mine);
		return new Claim<>(true, mine);
	}

}
