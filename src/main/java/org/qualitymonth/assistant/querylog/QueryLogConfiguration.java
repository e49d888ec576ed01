package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.qualitymonth.assistant.knowledge.BotProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.StringUtils;

/**
 * Wires the query log. The database is whatever {@code spring.datasource.url} names
 * (PostgreSQL in production); without one it is an H2 file in {@code bot.data-dir}, so
 * that a plain {@code java -jar} needs nothing installed.
 */
@Configuration(proxyBeanMethods = false)
class QueryLogConfiguration {

	static final String SPOOL_DIR = "querylog-spool";

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties properties, BotProperties bot) {
		if (StringUtils.hasText(properties.getUrl())) {
			return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		}
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.h2.Driver")
			.url(h2Url(bot.dataDir()))
			.username("sa")
			.password("")
			.build();
	}

	/**
	 * The H2 file database in {@code dataDir}; the app closes it itself, after the spool
	 * is written. WRITE_DELAY=0: H2 otherwise keeps commits in memory for up to a second,
	 * and the writer deletes a spool segment as soon as its commit returns, so a
	 * {@code kill -9} in that second lost the questions (ProcessKillIT found about a
	 * hundred).
	 */
	static String h2Url(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		if (dir.toString().contains(";")) {
			throw new IllegalArgumentException(
					"bot.data-dir must not contain ';' (it becomes part of a JDBC URL): " + dir);
		}
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create bot.data-dir " + dir, ex);
		}
		return "jdbc:h2:file:" + dir.resolve("querylog") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
	}

	@Bean
	SchemaGate schemaGate() {
		return new SchemaGate();
	}

	@Bean
	FlywayMigrationStrategy queryLogMigrationStrategy(SchemaGate gate) {
		return gate::migrateAtStart;
	}

	@Bean
	Redactor redactor(QueryLogSettings settings) {
		return new Redactor(settings.publicEmails());
	}

	@Bean
	Spool queryLogSpool(BotProperties bot, QueryLogSettings settings) {
		return new Spool(bot.dataDir().resolve(SPOOL_DIR), settings.spoolLimit().toBytes());
	}

	@Bean
	QueryLogRepository queryLogRepository(DataSource dataSource, QueryLogSettings settings) {
		return new QueryLogRepository(dataSource, settings.zone());
	}

	@Bean
	QueryLogWriter queryLogWriter(Spool spool, QueryLogRepository repository, SchemaGate gate,
			QueryLogSettings settings) {
		return new QueryLogWriter(spool, repository, gate, settings.flushInterval());
	}

	@Bean
	QueryRecorder queryRecorder(Spool spool, Redactor redactor, BotProperties bot, QueryLogSettings settings,
			Clock clock) {
		return new QueryRecorder(spool, redactor, Pseudonyms.of(settings.salt(), bot.dataDir()), clock);
	}

	@Bean
	QueryLog queryLog(QueryLogRepository repository, QueryLogWriter writer, SchemaGate gate, QueryLogSettings settings,
			Clock clock) {
		return new QueryLog(repository, writer, gate, clock, settings.zone());
	}

	@Bean
	SizeRetention sizeRetention(QueryLogRepository repository, QueryLogSettings settings) {
		return new SizeRetention(repository, settings.maxSize().toBytes());
	}

	@Bean
	RetentionPurger retentionPurger(QueryLogRepository repository, SchemaGate gate, QueryLogSettings settings,
			Clock clock, org.springframework.beans.factory.ObjectProvider<ScheduledJobs> jobs,
			SizeRetention sizeRetention, TaskScheduler scheduler) {
		return new RetentionPurger(repository, gate, settings.retention(), settings.purgeInterval(), clock,
				jobs.getIfAvailable(() -> ScheduledJobs.IN_THIS_PROCESS), sizeRetention, scheduler);
	}

	/**
	 * Reported in the main health as {@code queryLog}; deliberately not part of readiness
	 * (application.yml).
	 */
	@Bean
	QueryLogHealthIndicator queryLogHealthIndicator(QueryLogRepository repository, QueryLogWriter writer, Spool spool) {
		return new QueryLogHealthIndicator(repository, writer, spool);
	}

	@Bean
	MeterBinder queryLogMetrics(Spool spool, QueryRecorder recorder, QueryLogWriter writer,
			SizeRetention sizeRetention) {
		return registry -> {
			Gauge.builder("querylog.spool.bytes", spool, Spool::pendingBytes)
				.description("Query log entries waiting on disk for the database (the spool's depth)")
				.baseUnit("bytes")
				.register(registry);
			Gauge.builder("querylog.database.away", writer, w -> w.databaseAway() ? 1 : 0)
				.description("1 while the last attempt to write to the query log database failed")
				.register(registry);
			FunctionCounter.builder("querylog.recorded", recorder, QueryRecorder::recorded)
				.description("Queries and ratings written to the spool")
				.register(registry);
			FunctionCounter.builder("querylog.dropped", recorder, QueryRecorder::dropped)
				.description("Queries and ratings lost because the spool was full or failed")
				.register(registry);
			FunctionCounter.builder("querylog.purged.size", sizeRetention, SizeRetention::purged)
				.description("Queries deleted, oldest first, to keep the log under bot.query-log.max-size")
				.register(registry);
		};
	}

}
