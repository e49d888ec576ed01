package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Which deliveries of a numbered stream are being handled and which are done, for
 * platforms that number what they deliver (Telegram's {@code update_id}). It drops a
 * second delivery of a number (webhook redeliveries, a restart racing the previous
 * acknowledgement), and it tells which number acknowledges only deliveries whose handling
 * has finished: Telegram keeps an update until a getUpdates asks for a higher offset, so
 * an update in flight when the process dies is delivered again after the restart. The
 * last {@code remembered} finished numbers are kept, oldest forgotten first.
 */
public final class DeliveryLedger {

	/**
	 * Whether the caller should handle the update, and the future that completes when it
	 * is handled.
	 */
	public record Claim(boolean fresh, CompletableFuture<Void> handled) {
	}

	private final TreeMap<Integer, CompletableFuture<Void>> inFlight = new TreeMap<>();

	private final Set<Integer> done;

	/**
	 * Whether no other replica has claimed a number yet (always true with one process).
	 */
	private final java.util.function.IntPredicate firstAcrossReplicas;

	public DeliveryLedger(int remembered) {
		this(remembered, number -> true);
	}

	/**
	 * @param firstAcrossReplicas asked once for each number this process has not seen:
	 * false when another replica claimed it already, and this delivery is then dropped as
	 * done
	 */
	public DeliveryLedger(int remembered, java.util.function.IntPredicate firstAcrossReplicas) {
		this.firstAcrossReplicas = firstAcrossReplicas;
		this.done = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
				return size() > remembered;
			}
		});
	}

	public synchronized Claim claim(int number) {
		if (done.contains(number)) {
			return new Claim(false, CompletableFuture.completedFuture(null));
		}
		CompletableFuture<Void> running = inFlight.get(number);
		if (running != null) {
			return new Claim(false, running);
		}
		if (!firstAcrossReplicas.test(number)) {
			done.add(number);
			return new Claim(false, CompletableFuture.completedFuture(null));
		}
		CompletableFuture<Void> handled = new CompletableFuture<>();
		inFlight.put(number, handled);
		return new Claim(true, handled);
	}

	public void finish(int number) {
		CompletableFuture<Void> handled;
		synchronized (this) {
			handled = inFlight.remove(number);
			done.add(number);
			notifyAll();
		}
		if (handled != null) {
			handled.complete(null);
		}
	}

	/**
	 * The acknowledgement (Telegram's getUpdates offset): past {@code lastReceived} when
	 * nothing is in flight, else the oldest delivery still being handled, so that the
	 * platform keeps it.
	 */
	public synchronized int offset(int lastReceived) {
		return inFlight.isEmpty() ? lastReceived + 1 : Math.min(inFlight.firstKey(), lastReceived + 1);
	}

	/** Waits until no update is in flight, at most {@code max}; false if still busy. */
	public synchronized boolean awaitIdle(Duration max) throws InterruptedException {
		long deadline = System.nanoTime() + max.toNanos();
		while (!inFlight.isEmpty()) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}

	public synchronized int inFlightCount() {
		return inFlight.size();
	}

}
