package org.qualitymonth.assistant.knowledge;

import java.util.function.Supplier;

import org.springframework.modulith.NamedInterface;

/**
 * Port: how edits of the intent files (an "add as example" from the admin page or API)
 * are serialised and made known. In one process a Java lock is enough
 * ({@link #IN_THIS_PROCESS}); with replicas sharing the intent directory, edits from two
 * replicas must not interleave their read-modify-write of one file, and the other
 * replicas must learn that a new version is there (package cluster: a PostgreSQL advisory
 * lock and version row).
 */
@NamedInterface("ports")
public interface KnowledgeEdits {

	/** One process: the caller's own synchronisation suffices. */
	KnowledgeEdits IN_THIS_PROCESS = new KnowledgeEdits() {
		@Override
		public <T> T serialised(Supplier<T> edit) {
			return edit.get();
		}
	};

	/**
	 * Runs {@code edit} (which writes the files, validates and reloads this replica)
	 * while no other edit runs anywhere, and then announces the knowledge base this
	 * replica serves to the others.
	 */
	<T> T serialised(Supplier<T> edit);

}
