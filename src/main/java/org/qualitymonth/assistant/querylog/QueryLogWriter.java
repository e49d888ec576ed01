package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionException;

/**
 * Moves spooled entries into the database in the background, a segment per transaction,
 * oldest first. While the database is away the segments stay where they are and are
 * retried every flush interval; a segment is deleted only once committed. Starts by
 * replaying whatever a previous run left behind.
 */
final class QueryLogWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(QueryLogWriter.class);

	/** Entries per transaction (see {@link #write}). */
	static final int CHUNK = 500;

	private final Spool spool;

	private final QueryLogRepository repository;

	private final SchemaGate schema;

	private final Duration interval;

	private ScheduledExecutorService executor;

	private volatile boolean databaseAway;

	private volatile boolean spoolFailing;

	/** Serialises draining (background and on demand) apart from start and stop. */
	private final Object drainLock = new Object();

	QueryLogWriter(Spool spool, QueryLogRepository repository, SchemaGate schema, Duration interval) {
		this.spool = spool;
		this.repository = repository;
		this.schema = schema;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (executor != null) {
			return;
		}
		executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "querylog-writer");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::flush, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Writes everything spooled so far; returns false (and keeps it spooled) when the
	 * database is away.
	 */
	boolean flush() {
		try {
			drain();
			spoolFailing = false;
			if (databaseAway) {
				databaseAway = false;
				log.info("Query log database is back; spooled queries written");
			}
			return true;
		}
		catch (DataAccessException | TransactionException | FlywayException ex) {
			repository.discardConnections();
			if (!databaseAway) {
				databaseAway = true;
				log.warn("Query log database unavailable ({}); queries wait in {} and are written when it returns",
						SchemaGate.rootMessage(ex), spool.directory().toAbsolutePath());
			}
			return false;
		}
		catch (IOException | RuntimeException ex) {
			// told once per failing streak, not every flush interval
			if (!spoolFailing) {
				spoolFailing = true;
				log.error("Query log spool {} could not be written to the database; retrying every {}",
						spool.directory().toAbsolutePath(), interval, ex);
			}
			return false;
		}
	}

	/**
	 * Segments first, then the one being appended to: rotation waits until the backlog is
	 * gone.
	 */
	private void drain() throws IOException {
		synchronized (drainLock) {
			if (spool.pendingBytes() == 0) {
				return;
			}
			spool.sync();
			schema.ensureMigrated();
			for (Path segment : spool.closedSegments()) {
				write(segment);
			}
			spool.rotate();
			for (Path segment : spool.closedSegments()) {
				write(segment);
			}
		}
	}

	/**
	 * A segment holds a flush interval of questions, thousands under load. Stored in one
	 * transaction, its entries and the database's uncommitted rows outlived several young
	 * collections and were promoted: they filled the old generation, with a full
	 * collection every few seconds (docs/performance.md). In chunks they die young. A
	 * crash between two chunks is a replay like any other: the segment is written again
	 * and what was committed is skipped.
	 */
	private void write(Path segment) throws IOException {
		spool.read(segment, CHUNK, this::store);
		spool.delete(segment);
	}

	/**
	 * A batch the database refuses while it is up holds an entry it will never take:
	 * write the others one by one and set that one aside, rather than block the log
	 * behind it.
	 */
	private void store(List<SpoolEntry> entries) throws IOException {
		try {
			repository.store(entries);
		}
		catch (DataAccessException ex) {
			if (!repository.ping()) {
				throw ex;
			}
			for (SpoolEntry entry : entries) {
				try {
					repository.store(List.of(entry));
				}
				catch (DataAccessException refused) {
					if (!refusedForGood(refused) || !repository.ping()) {
						throw refused;
					}
					spool.reject(entry);
					log.warn("Query log entry {} refused by the database ({}); kept in {}", entry.id(),
							refused.getClass().getSimpleName(), spool.directory().resolve(Spool.REJECTED));
				}
			}
		}
	}

	/**
	 * The entry breaks a constraint (too long, missing value): retrying it would fail the
	 * same way. Anything else (a missing table, a broken connection) is the database's
	 * state, and the entry waits for it to be fixed.
	 */
	private static boolean refusedForGood(DataAccessException ex) {
		return ex instanceof DataIntegrityViolationException;
	}

	boolean databaseAway() {
		return databaseAway;
	}

	@Override
	public synchronized void stop() {
		if (executor == null) {
			return;
		}
		executor.shutdown();
		try {
			executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		executor = null;
		// the spool stays open: a stopped context may be started again (Spring's test
		// contexts are paused and
		// resumed so), and a closed spool would drop every later question; it is closed
		// with its bean
		if (!flush()) {
			try {
				spool.sync();
			}
			catch (IOException ex) {
				log.warn("Syncing the query log spool failed: {}", ex.toString());
			}
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

	/**
	 * Starts before and stops after the web server, so that no reply finds the spool
	 * closed.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

}
