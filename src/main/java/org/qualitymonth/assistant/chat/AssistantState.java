package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.qualitymonth.assistant.knowledge.KnowledgeBase;

/**
 * The snapshot that answers questions right now. A reload replaces it with one atomic
 * set; questions in flight keep the snapshot they started with.
 */
final class AssistantState implements ServingKnowledge {

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	private final CountDownLatch firstInstall = new CountDownLatch(1);

	private final AnswerCache cache;

	private final Duration startupWait;

	AssistantState(AnswerCache cache) {
		this(cache, Duration.ZERO);
	}

	/**
	 * @param startupWait how long a question that arrives while the first knowledge base
	 * is still training waits for it, rather than being refused
	 */
	AssistantState(AnswerCache cache, Duration startupWait) {
		this.cache = cache;
		this.startupWait = startupWait;
	}

	void install(Snapshot snapshot) {
		current.set(snapshot);
		cache.clear();
		firstInstall.countDown();
	}

	@Override
	public Optional<KnowledgeBase> current() {
		return Optional.ofNullable(current.get()).map(Snapshot::knowledge);
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
