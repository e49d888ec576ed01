package org.qualitymonth.assistant.cluster;

import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.qualitymonth.assistant.knowledge.KnowledgeEdits;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;

/**
 * Edits of the shared intent directory, one at a time across the replicas (a PostgreSQL
 * advisory lock), each followed by publishing the version (content hash) this replica now
 * serves, which the other replicas' {@link KnowledgeVersionPoller} load within a second
 * or two.
 */
final class PgKnowledgeEdits implements KnowledgeEdits {

	private static final Logger log = LoggerFactory.getLogger(PgKnowledgeEdits.class);

	private final ClusterTables tables;

	private final KnowledgeReloader reloader;

	PgKnowledgeEdits(ClusterTables tables, KnowledgeReloader reloader) {
		this.tables = tables;
		this.reloader = reloader;
	}

	@Override
	public <T> T serialised(Supplier<T> edit) {
		return tables.whileLocked("knowledge-edits", () -> {
			String before = reloader.status().version();
			T result = edit.get();
			String after = reloader.status().version();
			// an edit that was refused changed nothing; this replica's version may even
			// be behind the row then
			if (after != null && !Objects.equals(before, after)) {
				try {
					tables.publish(after);
				}
				catch (SQLException ex) {
					log.warn("Knowledge base {} serving here, but publishing it to the other replicas failed ({}); they"
							+ " still see the edit through their directory watchers", after, ex.getMessage());
				}
			}
			return result;
		});
	}

}
