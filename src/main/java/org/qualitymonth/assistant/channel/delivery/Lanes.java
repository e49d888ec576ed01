package org.qualitymonth.assistant.channel.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One ordered lane per recipient: tasks for the same recipient run one after the other in
 * the order they were submitted (a long answer's parts arrive in order), tasks for
 * different recipients run side by side on the shared executor. A failed task does not
 * stop the lane.
 */
public final class Lanes {

	private final ConcurrentMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

	private final Executor executor;

	public Lanes(Executor executor) {
		this.executor = executor;
	}

	/**
	 * Runs {@code task} after every task submitted before for {@code recipient}; the
	 * future never fails.
	 */
	public CompletableFuture<Void> submit(String recipient, Runnable task) {
		CompletableFuture<Void> next = tails.compute(recipient,
				(key, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
					.thenRunAsync(task, executor)
					.exceptionally(failure -> null));
		next.whenComplete((ignored, failure) -> tails.remove(recipient, next));
		return next;
	}

	/**
	 * Starts {@code task} once every task chained before for {@code recipient} has
	 * finished (succeeded or failed), for work that waits without holding a thread
	 * (paced, retried later). The returned future is the task's own, failures included;
	 * the lane goes on regardless.
	 */
	public <T> CompletableFuture<T> chain(String recipient, Supplier<? extends CompletionStage<T>> task) {
		CompletableFuture<T> result = new CompletableFuture<>();
		CompletableFuture<Void> next = tails.compute(recipient, (key,
				tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail).thenCompose(ignored -> {
					Stages.completeFrom(task, result);
					return result.handle((value, failure) -> (Void) null);
				}));
		next.whenComplete((ignored, failure) -> tails.remove(recipient, next));
		return result;
	}

	/** Recipients with work queued or running. */
	public int busy() {
		return tails.size();
	}

}
