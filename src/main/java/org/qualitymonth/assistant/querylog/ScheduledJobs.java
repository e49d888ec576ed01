package org.qualitymonth.assistant.querylog;

import java.time.Duration;

/**
 * Port: whether a scheduled job should run now. Alone, a process runs each of its jobs on
 * its own schedule ({@link #IN_THIS_PROCESS}); replicas sharing one database run a job
 * once per interval across all of them (package cluster: a row per job in PostgreSQL,
 * claimed atomically).
 */
public interface ScheduledJobs {

	ScheduledJobs IN_THIS_PROCESS = (job, interval) -> true;

	/**
	 * True when {@code job} has not run anywhere within most of the last
	 * {@code interval}; the caller then runs it.
	 */
	boolean due(String job, Duration interval);

}
