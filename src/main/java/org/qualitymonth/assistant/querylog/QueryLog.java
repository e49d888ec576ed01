package org.qualitymonth.assistant.querylog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.flywaydb.core.api.FlywayException;
import org.springframework.dao.DataAccessException;

/**
 * What staff read from the query log, and their decisions on it. Reads first write out
 * whatever is still spooled, so a question just asked is already there.
 */
public final class QueryLog {

	/** Longest overview period, in days. */
	public static final int MAX_OVERVIEW_DAYS = 366;

	private static final int TOP = 10;

	private final QueryLogRepository repository;

	private final QueryLogWriter writer;

	private final SchemaGate schema;

	private final Clock clock;

	private final ZoneId zone;

	private static final int MAX_TURNS = 500;

	QueryLog(QueryLogRepository repository, QueryLogWriter writer, SchemaGate schema, Clock clock, ZoneId zone) {
		this.repository = repository;
		this.writer = writer;
		this.schema = schema;
		this.clock = clock;
		this.zone = zone;
	}

	/** Unanswered questions grouped by text, most asked first. */
	public UnansweredPage unanswered(UnansweredFilter filter) {
		return read(() -> repository.unanswered(filter));
	}

	/**
	 * Questions per day, rates, top intents and top unanswered questions, {@code from} to
	 * {@code to} inclusive.
	 */
	public Overview overview(LocalDate from, LocalDate to) {
		return overview(from, to, null);
	}

	/**
	 * The overview of one channel ({@code web}, {@code telegram}, …), or of all when
	 * {@code channel} is null.
	 */
	public Overview overview(LocalDate from, LocalDate to, String channel) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_OVERVIEW_DAYS) {
			throw new IllegalArgumentException("the overview covers at most " + MAX_OVERVIEW_DAYS + " days");
		}
		return read(() -> repository.overview(from, to, TOP, channel));
	}

	/**
	 * Records what staff decided about a question (by its stored text).
	 * @param intent the intent it was added to, for {@link ReviewStatus#ADDED}; otherwise
	 * null
	 */
	public void review(String text, ReviewStatus status, String intent) {
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(status, "status");
		read(() -> {
			repository.review(text, status, status == ReviewStatus.ADDED ? intent : null, clock.instant());
			return null;
		});
	}

	/**
	 * The pseudonymous users who asked any of {@code texts}, most recent first: the way
	 * into their conversations.
	 */
	public List<String> askers(List<String> texts, int limit) {
		return read(() -> repository.askers(texts, limit));
	}

	/**
	 * One pseudonymous user's questions in the order asked, normalised and redacted as
	 * stored.
	 */
	public List<Turn> conversation(String user) {
		Objects.requireNonNull(user, "user");
		return read(() -> repository.conversation(user, MAX_TURNS));
	}

	/** Today in the log's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	public ZoneId zone() {
		return zone;
	}

	private <T> T read(Supplier<T> query) {
		if (!writer.flush() && writer.databaseAway()) {
			// the writer has just been refused: asking again would only wait for the
			// pool's timeout twice more
			throw new QueryLogUnavailableException(
					new java.sql.SQLTransientConnectionException("the database did not answer"));
		}
		try {
			schema.ensureMigrated();
			return query.get();
		}
		catch (DataAccessException | FlywayException ex) {
			if (repository.ping()) {
				throw ex;
			}
			throw new QueryLogUnavailableException(ex);
		}
	}

}
