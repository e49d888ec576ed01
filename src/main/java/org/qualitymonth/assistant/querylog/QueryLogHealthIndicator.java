package org.qualitymonth.assistant.querylog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The query log database, for the main health only: while it is away the assistant keeps
 * answering and spools the queries, so it is reported {@code DEGRADED} (HTTP 200), never
 * DOWN, and is not part of readiness; taking the assistant out of service would not bring
 * the database back.
 */
final class QueryLogHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "the query log database is away; queries wait in the spool");

	private final QueryLogRepository repository;

	private final QueryLogWriter writer;

	private final Spool spool;

	QueryLogHealthIndicator(QueryLogRepository repository, QueryLogWriter writer, Spool spool) {
		this.repository = repository;
		this.writer = writer;
		this.spool = spool;
	}

	/**
	 * While the writer's last attempt failed the answer is known without asking the
	 * database again, which would wait for the pool's connection timeout (seconds) on
	 * every health request.
	 */
	@Override
	public Health health() {
		boolean reachable = !writer.databaseAway() && repository.ping();
		return Health.status(reachable ? Status.UP : DEGRADED)
			.withDetail("database", reachable ? "reachable" : "unreachable")
			.withDetail("spoolBytes", spool.pendingBytes())
			.build();
	}

}
