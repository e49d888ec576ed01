package org.qualitymonth.assistant.querylog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The query log database, for the main health only: while it is away the assistant keeps answering and spools the
 * queries, so it is reported {@code DEGRADED} (HTTP 200), never DOWN, and is not part of readiness; taking the
 * assistant out of service would not bring the database back.
 */
final class QueryLogHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "the query log database is away; queries wait in the spool");

	private final QueryLogRepository repository;

	private final Spool spool;

	QueryLogHealthIndicator(QueryLogRepository repository, Spool spool) {
		this.repository = repository;
		this.spool = spool;
	}

	@Override
	public Health health() {
		boolean reachable = repository.ping();
		return Health.status(reachable ? Status.UP : DEGRADED)
			.withDetail("database", reachable ? "reachable" : "unreachable")
			.withDetail("spoolBytes", spool.pendingBytes())
			.build();
	}

}
