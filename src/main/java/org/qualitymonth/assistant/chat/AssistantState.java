package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The snapshot that answers questions right now. A reload replaces it with one atomic
 * set; questions in flight keep the snapshot they started with.
 */
public final class AssistantState {

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	private final CountDownLatch firstInstall = new CountDownLatch(1);

	private final AnswerCache cache;

	private final Duration startupWait;

	public AssistantState(AnswerCache cache) {
		this(cache, Duration.ZERO);
	}

	/**
	 * @param startupWait how long a question that arrives while the first knowledge base
	 * is still training waits for it, rather than being refused
	 */
	public AssistantState(AnswerCache cache, Duration startupWait) {
		this.cache = cache;
		this.startupWait = startupWait;
	}

	public void install(Snapshot snapshot) {
		current.set(snapshot);
		cache.clear();
		firstInstall.countDown();
	}

	/** The current snapshot; empty until the first knowledge base has loaded. */
	public Optional<Snapshot> current() {
		return Optional.ofNullable(current.get());
	}

	Snapshot require() {
		Snapshot snapshot = current.get();
		if (snapshot == null) {
			try {
				firstInstall.await(startupWait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			snapshot = current.get();
		}
		if (snapshot == null) {
			throw new NotReadyException();
		}
		return snapshot;
	}

}
