package org.qualitymonth.assistant.querylog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;

/**
 * Deletes queries older than {@code bot.query-log.retention}, shortly after start and
 * then on a schedule; and every minute the oldest queries beyond
 * {@code bot.query-log.max-size} ({@link SizeRetention}), since at campaign traffic the
 * log can outgrow its disk well within one purge interval. Both run on Spring's task
 * scheduler.
 */
final class RetentionPurger implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurger.class);

	private static final Duration FIRST_RUN = Duration.ofMinutes(1);

	static final Duration SIZE_CHECK_INTERVAL = Duration.ofMinutes(1);

	private final QueryLogRepository repository;

	private final SchemaGate schema;

	private final Duration retention;

	private final Duration interval;

	private final Clock clock;

	private final SizeRetention sizeRetention;

	private final TaskScheduler scheduler;

	private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

	private final ScheduledJobs jobs;

	/** A purger that runs only when asked ({@link #purge()}), never on a schedule. */
	RetentionPurger(QueryLogRepository repository, SchemaGate schema, Duration retention, Duration interval,
			Clock clock) {
		this(repository, schema, retention, interval, clock, ScheduledJobs.IN_THIS_PROCESS,
				new SizeRetention(repository, Long.MAX_VALUE), null);
	}

	RetentionPurger(QueryLogRepository repository, SchemaGate schema, Duration retention, Duration interval,
			Clock clock, ScheduledJobs jobs, SizeRetention sizeRetention, TaskScheduler scheduler) {
		this.scheduler = scheduler;
		this.jobs = jobs;
		this.sizeRetention = sizeRetention;
		this.repository = repository;
		this.schema = schema;
		this.retention = retention;
		this.interval = interval;
		this.clock = clock;
	}

	/** Purges now; returns how many queries were deleted. */
	int purge() {
		schema.ensureMigrated();
		Instant cutoff = clock.instant().minus(retention);
		int deleted = repository.purge(cutoff);
		if (deleted > 0) {
			log.info("Purged {} queries asked before {} (bot.query-log.retention={})", deleted, cutoff, retention);
		}
		return deleted;
	}

	/**
	 * Deletes the oldest queries while the log is over {@code bot.query-log.max-size};
	 * returns how many.
	 */
	long enforceSize() {
		schema.ensureMigrated();
		return sizeRetention.enforce();
	}

	private void enforceSizeQuietly() {
		try {
			// like the purge: once per check interval across the replicas that share the
			// database
			if (!jobs.due("querylog-size", SIZE_CHECK_INTERVAL)) {
				return;
			}
			enforceSize();
		}
		catch (DataAccessException | FlywayException ex) {
			log.debug("Query log size check skipped, the database is unavailable: {}", SchemaGate.rootMessage(ex));
		}
		catch (RuntimeException ex) {
			log.error("Query log size check failed", ex);
		}
	}

	private void purgeQuietly() {
		try {
			// replicas share the database: one purge per interval is enough, whichever
			// replica runs it
			if (!jobs.due("querylog-retention", interval)) {
				return;
			}
			purge();
		}
		catch (DataAccessException | FlywayException ex) {
			log.warn("Query log purge skipped, the database is unavailable: {}", SchemaGate.rootMessage(ex));
		}
		catch (RuntimeException ex) {
			log.error("Query log purge failed", ex);
		}
	}

	@Override
	public synchronized void start() {
		if (scheduler == null || !scheduled.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		scheduled.add(scheduler.scheduleWithFixedDelay(this::purgeQuietly,
				now.plus(FIRST_RUN.compareTo(interval) < 0 ? FIRST_RUN : interval), interval));
		scheduled.add(scheduler.scheduleWithFixedDelay(this::enforceSizeQuietly, now.plus(SIZE_CHECK_INTERVAL),
				SIZE_CHECK_INTERVAL));
	}

	@Override
	public synchronized void stop() {
		// a purge under way is interrupted: it is a delete in chunks, and the next start
		// goes on where it stopped
		scheduled.forEach(task -> task.cancel(true));
		scheduled.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return !scheduled.isEmpty();
	}

}
