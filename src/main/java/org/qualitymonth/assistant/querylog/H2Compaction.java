package org.qualitymonth.assistant.querylog;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * Gives the embedded H2 file back the space its old page versions hold. Every commit
 * writes the pages it changed anew, and the question and id indexes take their rows at
 * random places, so each batch leaves most pages of those indexes behind as garbage; H2
 * compacts only at close or when its file has been idle (never under steady traffic).
 * Without this the file grew by 1.5-2.7 KB per question for about 270 bytes of live data
 * (docs/performance.md). H2 has no SQL statement for it, hence its store API, pinned with
 * the H2 version Spring Boot manages.
 */
final class H2Compaction {

	private H2Compaction() {
	}

	/**
	 * Compacts for at most {@code maxMillis}; returns false when the database is not an
	 * embedded H2 one.
	 */
	static boolean compact(DataSource dataSource, int maxMillis) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.isWrapperFor(JdbcConnection.class)
					|| !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
				return false;
			}
			session.getDatabase().getStore().getMvStore().compactFile(maxMillis);
			return true;
		}
	}

}
