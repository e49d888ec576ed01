package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * What the embedded query log costs per question: appends N realistic questions to a spool at a steady pace, has the
 * writer move them to an H2 file in batches as the application does (one flush per {@code perFlush} questions, e.g.
 * one second at 1,000 questions/s), and prints the bytes on disk per question and the writer's CPU per question.
 * Arguments: work directory, N (100000), questions per flush (1000), H2 settings (the application's), milliseconds per
 * flush (1000; 0 flushes back to back). docs/performance.md, "Query log".
 */
public final class QueryLogSize {

	private QueryLogSize() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Path work = Path.of(args.length > 0 ? args[0] : "target/querylog-size");
		int total = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int perFlush = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
		long paceMillis = args.length > 4 ? Long.parseLong(args[4]) : 1000;
		long startedAt = System.currentTimeMillis();
		Files.createDirectories(work);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Random random = new Random(2020_09_01L);
		String[] intents = { "theme", "dates", "organisers", "complaint_12315", "activities", "requirements", "contact",
				"slogans", "report_channels", "document_number" };
		String version = "3f2a9c0d1e7b4a65";
		long appendNanos = 0;
		long flushNanos = 0;
		try (HikariDataSource dataSource = new HikariDataSource()) {
			// a fourth argument replaces the settings after the file name, to compare H2's options, or names a
			// PostgreSQL database (jdbc:postgresql://...?user=...&password=..., an empty one) to measure that instead
			String url = QueryLogConfiguration.h2Url(work);
			String target = args.length > 3 ? args[3] : "";
			boolean postgres = target.startsWith("jdbc:postgresql:");
			if (postgres) {
				dataSource.setJdbcUrl(target);
			}
			else {
				dataSource.setJdbcUrl(target.isEmpty() ? url : url.substring(0, url.indexOf(';')) + target);
				dataSource.setUsername("sa");
				dataSource.setPassword("");
			}
			Flyway.configure().dataSource(dataSource).load().migrate();
			QueryLogRepository repository = new QueryLogRepository(dataSource, java.time.ZoneId.of("Asia/Shanghai"));
			Spool spool = new Spool(work.resolve("spool"), 1L << 30);
			QueryLogWriter writer = new QueryLogWriter(spool, repository, new SchemaGate(), Duration.ofSeconds(1));
			Instant at = Instant.parse("2020-09-01T00:00:00Z");
			for (int i = 0; i < total; i++) {
				String intent = intents[random.nextInt(intents.length)];
				String outcome = i % 5 == 0 ? "declined" : "answered";
				StringBuilder candidates = new StringBuilder();
				for (int c = 0; c < 5; c++) {
					candidates.append(c == 0 ? "" : " ").append(intents[(random.nextInt(intents.length))]).append('=')
						.append(String.format(java.util.Locale.ROOT, "%.4f", random.nextDouble()));
				}
				long start = threads.getCurrentThreadCpuTime();
				spool.append(new SpoolEntry(SpoolEntry.Kind.QUESTION, replyId(at.plusMillis(i), random), at.plusMillis(i), "api",
						Long.toHexString(random.nextLong() | Long.MIN_VALUE), question(random), outcome,
						"declined".equals(outcome) ? null : intent, random.nextDouble(), candidates.toString(), version,
						null));
				appendNanos += threads.getCurrentThreadCpuTime() - start;
				if ((i + 1) % perFlush == 0 || i == total - 1) {
					start = threads.getCurrentThreadCpuTime();
					if (!writer.flush() && !writer.flush()) {
						throw new IllegalStateException("flush failed");
					}
					flushNanos += threads.getCurrentThreadCpuTime() - start;
					if (paceMillis > 0) {
						// the writer's schedule: H2 does its housekeeping (compaction) while the file is idle
						long due = startedAt + (long) (i + 1) / perFlush * paceMillis;
						Thread.sleep(Math.max(0, due - System.currentTimeMillis()));
					}
				}
			}
			long rows = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
				.sql("SELECT COUNT(*) FROM query_log").query(Long.class).single();
			System.out.printf("append (request thread, CPU): %.1f us/question; writer (CPU): %.1f us/question,"
					+ " %.1f %% of a core at 1,000 questions/s%n", appendNanos / 1e3 / total, flushNanos / 1e3 / total,
					flushNanos / 1e9 / total * 1000 * 100);
			if (postgres) {
				var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
				String size = "SELECT pg_total_relation_size('query_log')";
				System.out.printf("questions stored: %d; PostgreSQL table with its indexes: %d bytes/question%n", rows,
						jdbc.sql(size).query(Long.class).single() / rows);
				jdbc.sql("VACUUM FULL query_log").update();
				System.out.printf("after VACUUM FULL: %d bytes/question%n", jdbc.sql(size).query(Long.class).single() / rows);
				spool.close();
				return;
			}
			System.out.printf("questions stored: %d; H2 file while running: %d bytes/question%n", rows,
					databaseBytes(work) / rows);
			System.out.printf("H2's own count of the table's pages (DISK_SPACE_USED): %d bytes/question%n",
					org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
						.sql("SELECT DISK_SPACE_USED('QUERY_LOG')").query(Long.class).single() / rows);
			spool.close();
			org.springframework.jdbc.core.simple.JdbcClient.create(dataSource).sql("SHUTDOWN COMPACT").update();
			dataSource.close();
			System.out.printf("H2 file after SHUTDOWN COMPACT: %d bytes/question%n", databaseBytes(work) / rows);
		}
	}

	/** As chat's ReplyComposer makes them: time first (RFC 9562 version 7), so the primary key grows at its end. */
	private static String replyId(Instant at, Random random) {
		long high = at.toEpochMilli() << 16 | 0x7000 | (random.nextInt() & 0x0FFF);
		long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
		return new UUID(high, low).toString();
	}

	private static String question(Random random) {
		int length = 6 + random.nextInt(16);
		StringBuilder text = new StringBuilder("请问");
		for (int i = 0; i < length; i++) {
			text.append((char) (0x4E00 + random.nextInt(3000)));
		}
		return text.toString();
	}

	private static long databaseBytes(Path work) throws IOException {
		try (Stream<Path> files = Files.list(work)) {
			return files.filter(p -> p.getFileName().toString().startsWith("querylog"))
				.mapToLong(p -> p.toFile().length())
				.sum();
		}
	}

}
