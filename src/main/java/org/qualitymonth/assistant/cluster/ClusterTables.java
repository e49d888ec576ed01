package org.qualitymonth.assistant.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * The replicas' shared rows in PostgreSQL: the knowledge version last published by an
 * edit, and when each scheduled job last ran. Created here on first use rather than by
 * the query log's migrations, so that the embedded default's H2 database stays as it is.
 * Advisory-lock keys are derived from the current schema, so deployments (and test runs)
 * in separate schemas of one database do not wait for each other.
 */
final class ClusterTables {

	private final DataSource dataSource;

	private volatile boolean created;

	ClusterTables(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Creates the tables once the query log's migrations have run: Flyway refuses to
	 * migrate a schema that has tables but no history table, so creating these first
	 * would stop the query log.
	 */
	private void ensureTables() throws SQLException {
		if (created) {
			return;
		}
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				// two replicas starting together would race on CREATE TABLE IF NOT EXISTS
				s.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':cluster-tables'))");
				try (ResultSet migrated = s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
					if (!migrated.next() || !migrated.getBoolean(1)) {
						c.rollback();
						throw new SQLException("the query log's schema is not migrated yet");
					}
				}
				s.execute(
						"CREATE TABLE IF NOT EXISTS cluster_knowledge (id INT PRIMARY KEY, version VARCHAR(200) NOT NULL,"
								+ " published_at TIMESTAMPTZ NOT NULL)");
				s.execute(
						"CREATE TABLE IF NOT EXISTS cluster_jobs (name VARCHAR(100) PRIMARY KEY, ran_at TIMESTAMPTZ NOT NULL)");
			}
			c.commit();
			created = true;
		}
	}

	/**
	 * Runs {@code work} holding the cluster-wide lock {@code name}; waits for it as long
	 * as another replica holds it.
	 */
	<T> T whileLocked(String name, Supplier<T> work) {
		try (Connection c = dataSource.getConnection()) {
			try (PreparedStatement lock = c
				.prepareStatement("SELECT pg_advisory_lock(hashtext(current_schema() || ?))")) {
				lock.setString(1, ":" + name);
				lock.execute();
			}
			try {
				return work.get();
			}
			finally {
				try (PreparedStatement unlock = c
					.prepareStatement("SELECT pg_advisory_unlock(hashtext(current_schema() || ?))")) {
					unlock.setString(1, ":" + name);
					unlock.execute();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"PostgreSQL is unavailable, and edits of the intent files are serialised there: " + ex.getMessage(),
					ex);
		}
	}

	/** The knowledge version last published, or null when no edit was published yet. */
	String publishedVersion() throws SQLException {
		ensureTables();
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("SELECT version FROM cluster_knowledge WHERE id = 1");
				ResultSet rs = s.executeQuery()) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	void publish(String version) throws SQLException {
		ensureTables();
		try (Connection c = dataSource.getConnection();
				PreparedStatement s = c.prepareStatement("INSERT INTO cluster_knowledge (id, version, published_at)"
						+ " VALUES (1, ?, now()) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version,"
						+ " published_at = EXCLUDED.published_at")) {
			s.setString(1, version);
			s.executeUpdate();
		}
	}

	/**
	 * Claims a run of {@code job} when it last ran (anywhere) longer than {@code gap}
	 * ago; atomic in one UPDATE.
	 */
	boolean claimRun(String job, Duration gap) throws SQLException {
		ensureTables();
		try (Connection c = dataSource.getConnection()) {
			try (PreparedStatement s = c
				.prepareStatement("INSERT INTO cluster_jobs (name, ran_at) VALUES (?, TIMESTAMPTZ"
						+ " '-infinity') ON CONFLICT (name) DO NOTHING")) {
				s.setString(1, job);
				s.executeUpdate();
			}
			try (PreparedStatement s = c.prepareStatement("UPDATE cluster_jobs SET ran_at = now() WHERE name = ?"
					+ " AND ran_at < now() - make_interval(secs => ?)")) {
				s.setString(1, job);
				s.setDouble(2, gap.toMillis() / 1000.0);
				return s.executeUpdate() == 1;
			}
		}
	}

}
