package org.qualitymonth.assistant.querylog;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionPurgerTest {

	@TempDir
	Path dir;

	@Test
	void deletesQueriesOlderThanTheRetentionAndKeepsTheRest() {
		try (HikariDataSource dataSource = TestDatabases.h2(dir)) {
			QueryLogRepository repository = new QueryLogRepository(dataSource, QueryLogRepositoryContract.SHANGHAI);
			repository
				.store(List.of(QueryLogRepositoryContract.declined("181-days", "2020-03-04T23:00:00Z", "web", "旧"),
						QueryLogRepositoryContract.declined("179-days", "2020-03-06T01:00:00Z", "web", "新")));
			Clock now = Clock.fixed(Instant.parse("2020-09-01T00:00:00Z"), ZoneOffset.UTC);
			RetentionPurger purger = new RetentionPurger(repository, new SchemaGate(), Duration.ofDays(180),
					Duration.ofHours(6), now);
			assertThat(purger.purge()).isEqualTo(1);
			assertThat(JdbcClient.create(dataSource).sql("SELECT id FROM query_log").query(String.class).list())
				.containsExactly("179-days");
			assertThat(purger.purge()).isZero();
		}
	}

	@Test
	void purgesOnTheTaskSchedulerFromStartUntilStop() throws InterruptedException {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.initialize();
		try (HikariDataSource dataSource = TestDatabases.h2(dir)) {
			QueryLogRepository repository = new QueryLogRepository(dataSource, QueryLogRepositoryContract.SHANGHAI);
			Clock now = Clock.fixed(Instant.parse("2020-09-01T00:00:00Z"), ZoneOffset.UTC);
			RetentionPurger purger = new RetentionPurger(repository, new SchemaGate(), Duration.ofDays(180),
					Duration.ofMillis(100), now, ScheduledJobs.IN_THIS_PROCESS,
					new SizeRetention(repository, Long.MAX_VALUE), scheduler);
			purger.start();
			assertThat(purger.isRunning()).isTrue();
			repository.store(List.of(QueryLogRepositoryContract.declined("old", "2020-03-01T00:00:00Z", "web", "旧")));
			JdbcClient jdbc = JdbcClient.create(dataSource);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (jdbc.sql("SELECT COUNT(*) FROM query_log").query(Long.class).single() > 0
					&& System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(jdbc.sql("SELECT COUNT(*) FROM query_log").query(Long.class).single()).isZero();

			purger.stop();
			assertThat(purger.isRunning()).isFalse();
			Thread.sleep(150);
			repository.store(List.of(QueryLogRepositoryContract.declined("old-2", "2020-03-01T00:00:00Z", "web", "旧")));
			Thread.sleep(400);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM query_log").query(Long.class).single())
				.as("stopped: nothing purged any more")
				.isOne();
		}
		finally {
			scheduler.shutdown();
		}
	}

}
