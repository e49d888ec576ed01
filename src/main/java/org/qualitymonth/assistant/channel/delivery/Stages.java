package org.qualitymonth.assistant.channel.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Small pieces of {@link CompletableFuture} plumbing the delivery helpers share. */
final class Stages {

	private Stages() {
	}

	/**
	 * Starts {@code work} and completes {@code target} as it completes; work that throws
	 * instead of returning a stage fails {@code target} too.
	 */
	static <T> void completeFrom(Supplier<? extends CompletionStage<T>> work, CompletableFuture<T> target) {
		try {
			work.get().whenComplete((value, failure) -> {
				if (failure != null) {
					target.completeExceptionally(failure);
				}
				else {
					target.complete(value);
				}
			});
		}
		catch (RuntimeException ex) {
			target.completeExceptionally(ex);
		}
	}

}
