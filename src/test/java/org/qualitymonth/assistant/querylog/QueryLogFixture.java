package org.qualitymonth.assistant.querylog;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.ApplicationContext;

/**
 * For tests on the shared application that count what the query log holds: writes out
 * what is spooled, then empties the log, so that the test sees only its own questions.
 */
public final class QueryLogFixture {

	private QueryLogFixture() {
	}

	public static void clear(ApplicationContext context) {
		if (!context.getBean(QueryLogWriter.class).flush()) {
			throw new AssertionError("the query log database is away: cannot clear it");
		}
		context.getBean(QueryLogRepository.class).purge(Instant.now().plus(Duration.ofDays(1)));
	}

}
