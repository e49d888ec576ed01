package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Which updates are being handled and which are done. It drops a second delivery of an
 * {@code update_id} (webhook redeliveries, a restart racing the previous offset), and it tells
 * long polling which offset acknowledges only updates whose handling has finished: Telegram
 * keeps an update until a getUpdates asks for a higher offset, so an update in flight when the
 * process dies is delivered again after the restart.
 */
final class UpdateLedger {

	/** Whether the caller should handle the update, and the future that completes when it is handled. */
	record Claim(boolean fresh, CompletableFuture<Void> handled) {
	}

	private final TreeMap<Integer, CompletableFuture<Void>> inFlight = new TreeMap<>();

	private final Set<Integer> done;

	UpdateLedger(int remembered) {
		this.done = Collections.newSetFromMap(new LinkedHashMap<>(256, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
				return size() > remembered;
			}
		});
	}

	synchronized Claim claim(int updateId) {
		if (done.contains(updateId)) {
			return new Claim(false, CompletableFuture.completedFuture(null));
		}
		CompletableFuture<Void> running = inFlight.get(updateId);
		if (running != null) {
			return new Claim(false, running);
		}
		CompletableFuture<Void> handled = new CompletableFuture<>();
		inFlight.put(updateId, handled);
		return new Claim(true, handled);
	}

	void finish(int updateId) {
		CompletableFuture<Void> handled;
		synchronized (this) {
			handled = inFlight.remove(updateId);
			done.add(updateId);
			notifyAll();
		}
		if (handled != null) {
			handled.complete(null);
		}
	}

	/**
	 * The getUpdates offset: past {@code lastReceived} when nothing is in flight, else the oldest
	 * update still being handled, so that Telegram keeps it.
	 */
	synchronized int offset(int lastReceived) {
		return inFlight.isEmpty() ? lastReceived + 1 : Math.min(inFlight.firstKey(), lastReceived + 1);
	}

	/** Waits until no update is in flight, at most {@code max}; false if still busy. */
	synchronized boolean awaitIdle(Duration max) throws InterruptedException {
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

	synchronized int inFlightCount() {
		return inFlight.size();
	}

}
