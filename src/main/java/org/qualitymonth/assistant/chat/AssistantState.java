package org.qualitymonth.assistant.chat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The snapshot that answers questions right now. A reload replaces it with one atomic set;
 * questions in flight keep the snapshot they started with.
 */
public final class AssistantState {

	private final AtomicReference<Snapshot> current = new AtomicReference<>();

	private final AnswerCache cache;

	public AssistantState(AnswerCache cache) {
		this.cache = cache;
	}

	public void install(Snapshot snapshot) {
		current.set(snapshot);
		cache.clear();
	}

	/** The current snapshot; empty until the first knowledge base has loaded. */
	public Optional<Snapshot> current() {
		return Optional.ofNullable(current.get());
	}

	Snapshot require() {
		return current().orElseThrow(() -> new IllegalStateException("the knowledge base has not loaded yet"));
	}

}
