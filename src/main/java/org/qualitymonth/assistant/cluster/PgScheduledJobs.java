package org.qualitymonth.assistant.cluster;

import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.qualitymonth.assistant.querylog.ScheduledJobs;

/**
 * A job runs when its row in {@code cluster_jobs} says it has not run for 90% of its
 * interval, claimed by one atomic UPDATE: every replica schedules the purge, one of them
 * runs it per interval. (ShedLock's JDBC provider does the same with a row per lock; one
 * UPDATE needs no library.)
 */
final class PgScheduledJobs implements ScheduledJobs {

	private static final Logger log = LoggerFactory.getLogger(PgScheduledJobs.class);

	private final ClusterTables tables;

	PgScheduledJobs(ClusterTables tables) {
		this.tables = tables;
	}

	@Override
	public boolean due(String job, Duration interval) {
		try {
			boolean due = tables.claimRun(job, interval.multipliedBy(9).dividedBy(10));
			if (!due) {
				log.debug("{} ran on another replica within its interval; skipped here", job);
			}
			return due;
		}
		catch (SQLException ex) {
			log.warn("{} skipped: PostgreSQL is unavailable ({})", job, ex.getMessage());
			return false;
		}
	}

}
