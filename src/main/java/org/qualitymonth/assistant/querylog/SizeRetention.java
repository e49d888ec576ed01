package org.qualitymonth.assistant.querylog;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention by size ({@code bot.query-log.max-size}): when the query log takes more than
 * the limit, the oldest questions go first, down to nine tenths of it, so that a
 * campaign's traffic cannot fill the disk long before the retention by age applies. How
 * many rows to delete is estimated from the average row, since the database reports its
 * size, not each row's.
 */
final class SizeRetention {

	private static final Logger log = LoggerFactory.getLogger(SizeRetention.class);

	/**
	 * Room left below the limit after a purge, so the next batches do not start another
	 * one at once.
	 */
	static final double TARGET_SHARE = 0.9;

	private final QueryLogRepository repository;

	private final long maxBytes;

	private final AtomicLong purged = new AtomicLong();

	SizeRetention(QueryLogRepository repository, long maxBytes) {
		this.repository = repository;
		this.maxBytes = maxBytes;
	}

	/**
	 * Deletes the oldest questions while the log is over the limit; returns how many were
	 * deleted.
	 */
	long enforce() {
		long size = repository.sizeBytes();
		if (size <= maxBytes) {
			return 0;
		}
		long rows = repository.count();
		if (rows == 0) {
			return 0;
		}
		long excess = (long) Math.ceil(rows * (size - maxBytes * TARGET_SHARE) / size);
		long deleted = repository.deleteOldest(Math.min(rows, excess));
		purged.addAndGet(deleted);
		log.info("Query log at {} bytes, over bot.query-log.max-size ({} bytes): deleted the {} oldest questions", size,
				maxBytes, deleted);
		return deleted;
	}

	/**
	 * Questions deleted to keep the log under the limit since start-up (the
	 * {@code querylog.purged.size} metric).
	 */
	long purged() {
		return purged.get();
	}

}
