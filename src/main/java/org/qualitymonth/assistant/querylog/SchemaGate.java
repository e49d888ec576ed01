package org.qualitymonth.assistant.querylog;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Flyway migrations at start-up, unless the database cannot be reached: then the
 * assistant starts anyway (answering does not need the log) and the migrations run as
 * soon as the database is back. Any other migration failure still stops start-up.
 */
final class SchemaGate {

	private static final Logger log = LoggerFactory.getLogger(SchemaGate.class);

	private volatile Flyway pending;

	/** Used as Spring Boot's {@code FlywayMigrationStrategy}. */
	void migrateAtStart(Flyway flyway) {
		try {
			flyway.migrate();
		}
		catch (FlywayException ex) {
			if (reachable(flyway.getConfiguration().getDataSource())) {
				throw ex;
			}
			pending = flyway;
			log.warn("The query log database cannot be reached ({}); the assistant answers anyway, queries wait in the"
					+ " spool and the schema is migrated when the database is back", rootMessage(ex));
		}
	}

	/** Migrates now if start-up could not; throws while the database is still away. */
	void ensureMigrated() {
		if (pending == null) {
			return;
		}
		synchronized (this) {
			Flyway flyway = pending;
			if (flyway != null) {
				flyway.migrate();
				pending = null;
				log.info("The query log database is reachable again; schema migrated");
			}
		}
	}

	static boolean reachable(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(5);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
