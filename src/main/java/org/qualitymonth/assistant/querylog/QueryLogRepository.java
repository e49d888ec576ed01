package org.qualitymonth.assistant.querylog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query log tables, in plain SQL that runs on H2 and PostgreSQL alike (schema:
 * Flyway, {@code db/migration}). Times are stored as instants; days are counted in the
 * configured zone.
 */
final class QueryLogRepository {

	private static final int TOP_CANDIDATES = 3;

	private static final int IN_CHUNK = 500;

	private static final int DELETE_CHUNK = 10_000;

	/** Which database this is, asked once: the size query differs. */
	private volatile Boolean isH2;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transaction;

	private final ZoneId zone;

	private final DataSource dataSource;

	QueryLogRepository(DataSource dataSource, ZoneId zone) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.batch = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.zone = zone;
	}

	/**
	 * Writes spooled entries in one transaction; entries already stored (a replay) are
	 * skipped. A replay is rare (a segment written just before a crash, before it was
	 * deleted), so the ids are looked up only after the database has refused one as a
	 * duplicate, not for every batch.
	 */
	void store(List<SpoolEntry> entries) {
		try {
			store(entries, false);
		}
		catch (DuplicateKeyException replayed) {
			store(entries, true);
		}
	}

	private void store(List<SpoolEntry> entries, boolean skipStored) {
		transaction.executeWithoutResult(status -> {
			Map<String, SpoolEntry> questions = new LinkedHashMap<>();
			List<Object[]> ratings = new ArrayList<>();
			for (SpoolEntry entry : entries) {
				if (entry.kind() == SpoolEntry.Kind.QUESTION) {
					questions.putIfAbsent(entry.id(), entry);
				}
				else {
					ratings.add(new Object[] { entry.helpful(), utc(entry.at()), entry.id() });
				}
			}
			Set<String> stored = skipStored ? existing(questions.keySet()) : Set.of();
			List<Object[]> rows = questions.values()
				.stream()
				.filter(q -> !stored.contains(q.id()))
				.map(q -> new Object[] { q.id(), utc(q.at()), q.at().atZone(zone).toLocalDate(), q.channel(), q.user(),
						q.text(), q.outcome(), q.intent(), q.confidence(), q.candidates(), q.knowledgeVersion() })
				.toList();
			if (!rows.isEmpty()) {
				batch.batchUpdate("""
						INSERT INTO query_log (id, asked_at, asked_day, channel, user_hash, question, outcome, intent,
						                       confidence, candidates, knowledge_version)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
						new int[] { Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE, Types.VARCHAR,
								Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DOUBLE, Types.VARCHAR,
								Types.VARCHAR });
			}
			if (!ratings.isEmpty()) {
				// a rating of a reply that was never logged (a button press, a made-up
				// id) changes nothing
				batch.batchUpdate("UPDATE query_log SET helpful = ?, rated_at = ? WHERE id = ?", ratings,
						new int[] { Types.BOOLEAN, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR });
			}
		});
	}

	/**
	 * Drops pooled connections after a failure: not every driver marks a connection
	 * broken by a database restart in a way the pool recognises (H2's "session closed"),
	 * and a pool that keeps handing them out never recovers.
	 */
	void discardConnections() {
		if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
	}

	boolean ping() {
		try {
			return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
		}
		catch (DataAccessException ex) {
			return false;
		}
	}

	UnansweredPage unanswered(UnansweredFilter filter) {
		return unanswered(filter, null);
	}

	private UnansweredPage unanswered(UnansweredFilter filter, String channel) {
		Map<String, Object> params = new HashMap<>();
		String asked = askedConditions(filter.from(), filter.to(), params) + channelCondition(channel, params);
		String where = asked + " AND q.outcome = 'declined'" + reviewCondition(filter.status(), params);
		String from = " FROM query_log q LEFT JOIN query_review r ON r.question = q.question WHERE " + where;
		long total = jdbc.sql("SELECT COUNT(DISTINCT q.question)" + from).params(params).query(Long.class).single();
		params.put("limit", filter.limit());
		List<Group> groups = jdbc
			.sql("SELECT q.question, COUNT(*) AS asked, MIN(q.asked_at) AS first_seen,"
					+ " MAX(q.asked_at) AS last_seen, MAX(r.status) AS status, MAX(r.intent) AS intent" + from
					+ " GROUP BY q.question ORDER BY asked DESC, last_seen DESC, q.question LIMIT :limit")
			.params(params)
			.query((rs, n) -> group(rs))
			.list();
		return new UnansweredPage(filter, total, withDetails(groups, asked, params));
	}

	Overview overview(LocalDate from, LocalDate to, int top) {
		return overview(from, to, top, null);
	}

	/**
	 * The overview of one channel's questions, or of all of them when {@code channel} is
	 * null.
	 */
	Overview overview(LocalDate from, LocalDate to, int top, String channel) {
		Map<String, Object> params = new HashMap<>();
		String range = " FROM query_log q WHERE " + askedConditions(from, to, params)
				+ channelCondition(channel, params);
		Map<LocalDate, long[]> perDay = new LinkedHashMap<>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			perDay.put(d, new long[3]);
		}
		jdbc.sql("SELECT q.asked_day, q.outcome, COUNT(*)" + range + " GROUP BY q.asked_day, q.outcome")
			.params(params)
			.query(rs -> {
				long[] counts = perDay.get(rs.getObject(1, LocalDate.class));
				int slot = switch (rs.getString(2)) {
					case "answered" -> 0;
					case "suggested" -> 1;
					default -> 2;
				};
				if (counts != null) {
					counts[slot] += rs.getLong(3);
				}
			});
		List<Overview.Day> days = perDay.entrySet()
			.stream()
			.map(e -> new Overview.Day(e.getKey(), e.getValue()[0] + e.getValue()[1] + e.getValue()[2], e.getValue()[0],
					e.getValue()[1], e.getValue()[2]))
			.toList();
		long answered = days.stream().mapToLong(Overview.Day::answered).sum();
		long suggested = days.stream().mapToLong(Overview.Day::suggested).sum();
		long declined = days.stream().mapToLong(Overview.Day::declined).sum();
		long[] ratings = new long[2];
		jdbc.sql("SELECT q.helpful, COUNT(*)" + range + " AND q.helpful IS NOT NULL GROUP BY q.helpful")
			.params(params)
			.query(rs -> {
				ratings[rs.getBoolean(1) ? 0 : 1] = rs.getLong(2);
			});
		long users = jdbc.sql("SELECT COUNT(DISTINCT q.user_hash)" + range).params(params).query(Long.class).single();
		params.put("top", top);
		List<Overview.IntentCount> intents = jdbc
			.sql("SELECT q.intent, COUNT(*) AS n" + range + " AND q.outcome <> 'declined' AND q.intent IS NOT NULL"
					+ " GROUP BY q.intent ORDER BY n DESC, q.intent LIMIT :top")
			.params(params)
			.query((rs, n) -> new Overview.IntentCount(rs.getString(1), rs.getLong(2)))
			.list();
		List<Overview.IntentFeedback> feedback = jdbc
			.sql("SELECT q.intent, SUM(CASE WHEN q.helpful THEN 0 ELSE 1 END) AS down, COUNT(*) AS rated" + range
					+ " AND q.helpful IS NOT NULL AND q.intent IS NOT NULL GROUP BY q.intent ORDER BY down DESC, rated DESC, q.intent"
					+ " LIMIT :top")
			.params(params)
			.query((rs, n) -> new Overview.IntentFeedback(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
		List<UnansweredGroup> unanswered = unanswered(new UnansweredFilter(from, to, ReviewStatus.NEW, top), channel)
			.groups();
		return new Overview(from, to, answered + suggested + declined, answered, suggested, declined, ratings[0],
				ratings[1], users, days, intents, unanswered, channel, feedback, channels());
	}

	/** Every channel questions came from, for the filter. */
	List<String> channels() {
		return jdbc.sql("SELECT DISTINCT channel FROM query_log ORDER BY channel").query(String.class).list();
	}

	/**
	 * The pseudonymous users who asked any of {@code texts} and were not answered, most
	 * recent first. Only declined questions are read (through the outcome index): there
	 * is no index on the question itself, which would cost every insert a random page.
	 */
	List<String> askers(List<String> texts, int limit) {
		if (texts.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT q.user_hash, MAX(q.asked_at) AS last_asked FROM query_log q WHERE q.outcome = 'declined'"
					+ " AND q.question IN (:texts) AND q.user_hash IS NOT NULL"
					+ " GROUP BY q.user_hash ORDER BY last_asked DESC LIMIT :limit")
			.param("texts", texts.subList(0, Math.min(texts.size(), IN_CHUNK)))
			.param("limit", limit)
			.query((rs, n) -> rs.getString(1))
			.list();
	}

	/**
	 * One pseudonymous user's questions in the order asked (texts as stored: normalised
	 * and redacted).
	 */
	List<Turn> conversation(String user, int limit) {
		return jdbc
			.sql("SELECT q.asked_at, q.channel, q.question, q.outcome, q.intent, q.helpful FROM query_log q"
					+ " WHERE q.user_hash = :user ORDER BY q.asked_at, q.id LIMIT :limit")
			.param("user", user)
			.param("limit", limit)
			.query((rs, n) -> new Turn(local(rs.getObject(1, OffsetDateTime.class)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), (Boolean) rs.getObject(6)))
			.list();
	}

	/** Records a staff decision on a question; {@link ReviewStatus#NEW} undoes it. */
	void review(String question, ReviewStatus status, String intent, Instant at) {
		if (status == ReviewStatus.NEW) {
			jdbc.sql("DELETE FROM query_review WHERE question = :q").param("q", question).update();
			return;
		}
		Map<String, Object> params = Map.of("q", question, "status", status.code(), "at", utc(at));
		Map<String, Object> all = new HashMap<>(params);
		all.put("intent", intent);
		String update = "UPDATE query_review SET status = :status, intent = :intent, updated_at = :at WHERE question = :q";
		if (jdbc.sql(update).params(all).update() == 0) {
			try {
				jdbc.sql(
						"INSERT INTO query_review (question, status, intent, updated_at) VALUES (:q, :status, :intent, :at)")
					.params(all)
					.update();
			}
			catch (DuplicateKeyException raced) {
				jdbc.sql(update).params(all).update();
			}
		}
	}

	/**
	 * Deletes questions asked before {@code cutoff}, and staff decisions on questions no
	 * longer in the log.
	 */
	int purge(Instant cutoff) {
		int deleted = jdbc.sql("DELETE FROM query_log WHERE asked_at < :cutoff").param("cutoff", utc(cutoff)).update();
		// decisions are taken on declined questions only, and read through the outcome
		// index
		jdbc.sql("DELETE FROM query_review WHERE question NOT IN"
				+ " (SELECT q.question FROM query_log q WHERE q.outcome = 'declined')")
			.update();
		return deleted;
	}

	/**
	 * What the question table and its indexes take, as the database counts it: H2's pages
	 * in use (the file may hold free space on top, which it reuses), PostgreSQL's
	 * relation size.
	 */
	long sizeBytes() {
		String sql = h2() ? "SELECT DISK_SPACE_USED('QUERY_LOG')" : "SELECT pg_total_relation_size('query_log')";
		Long size = jdbc.sql(sql).query(Long.class).single();
		return size == null ? 0 : size;
	}

	long count() {
		return jdbc.sql("SELECT COUNT(*) FROM query_log").query(Long.class).single();
	}

	/**
	 * Deletes the {@code rows} questions asked first, in chunks so that no transaction
	 * holds the table for long.
	 */
	long deleteOldest(long rows) {
		long deleted = 0;
		while (deleted < rows) {
			int chunk = (int) Math.min(DELETE_CHUNK, rows - deleted);
			int n = jdbc
				.sql("DELETE FROM query_log WHERE id IN (SELECT id FROM query_log ORDER BY asked_at, id LIMIT :n)")
				.param("n", chunk)
				.update();
			if (n == 0) {
				break;
			}
			deleted += n;
		}
		return deleted;
	}

	private boolean h2() {
		Boolean h2 = isH2;
		if (h2 == null) {
			h2 = jdbc.sql("SELECT 1")
				.query((rs, n) -> rs.getStatement()
					.getConnection()
					.getMetaData()
					.getDatabaseProductName()
					.toLowerCase(Locale.ROOT)
					.contains("h2"))
				.single();
			isH2 = h2;
		}
		return h2;
	}

	private Set<String> existing(Set<String> ids) {
		Set<String> found = new HashSet<>();
		List<String> all = List.copyOf(ids);
		for (int i = 0; i < all.size(); i += IN_CHUNK) {
			found.addAll(jdbc.sql("SELECT id FROM query_log WHERE id IN (:ids)")
				.param("ids", all.subList(i, Math.min(all.size(), i + IN_CHUNK)))
				.query(String.class)
				.list());
		}
		return found;
	}

	private static String askedConditions(LocalDate from, LocalDate to, Map<String, Object> params) {
		StringBuilder sql = new StringBuilder("1 = 1");
		if (from != null) {
			sql.append(" AND q.asked_day >= :from");
			params.put("from", from);
		}
		if (to != null) {
			sql.append(" AND q.asked_day <= :to");
			params.put("to", to);
		}
		return sql.toString();
	}

	private static String channelCondition(String channel, Map<String, Object> params) {
		if (channel == null) {
			return "";
		}
		params.put("channel", channel);
		return " AND q.channel = :channel";
	}

	private static String reviewCondition(ReviewStatus status, Map<String, Object> params) {
		if (status == null) {
			return "";
		}
		if (status == ReviewStatus.NEW) {
			return " AND r.status IS NULL";
		}
		params.put("status", status.code());
		return " AND r.status = :status";
	}

	/** Adds where each group was asked and what the classifier thought of it. */
	private List<UnansweredGroup> withDetails(List<Group> groups, String asked, Map<String, Object> params) {
		Map<String, Set<String>> channels = new HashMap<>();
		Map<String, Map<String, Double>> sums = new HashMap<>();
		List<String> texts = groups.stream().map(Group::text).toList();
		for (int i = 0; i < texts.size(); i += IN_CHUNK) {
			Map<String, Object> p = new HashMap<>(params);
			p.put("texts", texts.subList(i, Math.min(texts.size(), i + IN_CHUNK)));
			jdbc.sql("SELECT q.question, q.channel, q.candidates FROM query_log q WHERE " + asked
					+ " AND q.outcome = 'declined' AND q.question IN (:texts)")
				.params(p)
				.query(rs -> {
					String text = rs.getString(1);
					channels.computeIfAbsent(text, t -> new TreeSet<>()).add(rs.getString(2));
					Map<String, Double> sum = sums.computeIfAbsent(text, t -> new HashMap<>());
					parseCandidates(rs.getString(3)).forEach((intent, p1) -> sum.merge(intent, p1, Double::sum));
				});
		}
		return groups.stream().map(g -> {
			List<UnansweredGroup.IntentShare> top = sums.getOrDefault(g.text(), Map.of())
				.entrySet()
				.stream()
				.map(e -> new UnansweredGroup.IntentShare(e.getKey(),
						Math.round(e.getValue() / g.count() * 10_000) / 10_000.0))
				.sorted(Comparator.comparingDouble(UnansweredGroup.IntentShare::probability)
					.reversed()
					.thenComparing(UnansweredGroup.IntentShare::intent))
				.limit(TOP_CANDIDATES)
				.toList();
			return new UnansweredGroup(g.text(), g.count(), g.firstSeen(), g.lastSeen(),
					List.copyOf(channels.getOrDefault(g.text(), Set.of())), top, g.status(), g.intent());
		}).toList();
	}

	private Group group(ResultSet rs) throws SQLException {
		String status = rs.getString("status");
		return new Group(rs.getString("question"), rs.getLong("asked"),
				local(rs.getObject("first_seen", OffsetDateTime.class)),
				local(rs.getObject("last_seen", OffsetDateTime.class)),
				status == null ? ReviewStatus.NEW : ReviewStatus.parse(status), rs.getString("intent"));
	}

	/**
	 * {@code intent=probability} pairs separated by spaces, as {@link QueryRecorder}
	 * writes them.
	 */
	static Map<String, Double> parseCandidates(String candidates) {
		Map<String, Double> parsed = new LinkedHashMap<>();
		if (candidates == null || candidates.isBlank()) {
			return parsed;
		}
		for (String pair : candidates.strip().split("\\s+")) {
			int eq = pair.lastIndexOf('=');
			if (eq > 0) {
				try {
					parsed.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
				}
				catch (NumberFormatException ignored) {
					// a damaged pair says nothing about the others
				}
			}
		}
		return parsed;
	}

	/**
	 * {@code intent=probability} pairs separated by spaces, probabilities with four
	 * decimals. Runs on the answering thread for every question, hence no
	 * {@code String.format}.
	 */
	static String formatCandidates(Map<String, Double> candidates) {
		StringBuilder out = new StringBuilder(candidates.size() * 32);
		candidates.forEach((intent, p) -> {
			if (!out.isEmpty()) {
				out.append(' ');
			}
			appendFourDecimals(out.append(intent).append('='), p);
		});
		return out.toString();
	}

	/** As {@code String.format(Locale.ROOT, "%.4f", value)}, rounding half up. */
	static void appendFourDecimals(StringBuilder out, double value) {
		if (!Double.isFinite(value) || Math.abs(value) >= 1e9) {
			out.append(String.format(Locale.ROOT, "%.4f", value));
			return;
		}
		long scaled = Math.round(Math.abs(value) * 10_000);
		if (value < 0) {
			out.append('-');
		}
		long fraction = scaled % 10_000;
		out.append(scaled / 10_000).append('.');
		for (long digit = 1000; digit > 0; digit /= 10) {
			out.append((char) ('0' + fraction / digit % 10));
		}
	}

	private OffsetDateTime local(OffsetDateTime time) {
		return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private record Group(String text, long count, OffsetDateTime firstSeen, OffsetDateTime lastSeen,
			ReviewStatus status, String intent) {
	}

}
