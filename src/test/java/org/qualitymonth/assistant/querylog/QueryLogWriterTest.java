package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.spy;

/**
 * The writer against an H2 server that the test stops and starts, as a database outage
 * would.
 */
class QueryLogWriterTest {

	@TempDir
	Path dir;

	Server server;

	int port;

	HikariDataSource dataSource;

	Spool spool;

	@AfterEach
	void cleanUp() throws IOException {
		if (spool != null) {
			spool.close();
		}
		if (dataSource != null) {
			dataSource.close();
		}
		if (server != null) {
			server.stop();
		}
	}

	static SpoolEntry declined(String id) {
		return new SpoolEntry(SpoolEntry.Kind.QUESTION, id, Instant.parse("2020-09-01T02:00:00Z"), "web", null,
				"问题" + id, "declined", null, 0.2, "theme=0.2000", "v1", null);
	}

	@Test
	void keepsQueriesInTheSpoolWhileTheDatabaseIsDownAndWritesThemWhenItIsBack() throws Exception {
		startServer();
		dataSource = TestDatabases.pool("jdbc:h2:tcp://127.0.0.1:" + port + "/querylog", "sa", "");
		SchemaGate gate = new SchemaGate();
		gate.migrateAtStart(Flyway.configure().dataSource(dataSource).load());
		spool = new Spool(dir.resolve("spool"), 1_000_000);
		QueryLogWriter writer = new QueryLogWriter(spool,
				new QueryLogRepository(dataSource, QueryLogRepositoryContract.SHANGHAI), gate, Duration.ofHours(1));

		spool.append(declined("1"));
		assertThat(writer.flush()).isTrue();
		assertThat(ids()).containsExactly("1");

		server.stop();
		assertThat(spool.append(declined("2"))).isTrue();
		assertThat(spool.append(declined("3"))).isTrue();
		assertThat(writer.flush()).isFalse();
		assertThat(writer.databaseAway()).isTrue();
		assertThat(spool.pendingBytes()).isPositive();

		startServer();
		// the pool finds out about its dead connections on the next tries, as the
		// scheduled flush would
		assertThat(flushesWithin(writer, Duration.ofSeconds(30))).isTrue();
		assertThat(writer.databaseAway()).isFalse();
		assertThat(ids()).containsExactly("1", "2", "3");
		assertThat(spool.pendingBytes()).isZero();
		assertThat(spool.directory().resolve(Spool.REJECTED)).doesNotExist();
	}

	@Test
	void migratesAndWritesWhenTheDatabaseWasDownAtStartUp() throws Exception {
		port = freePort();
		dataSource = TestDatabases.pool("jdbc:h2:tcp://127.0.0.1:" + port + "/querylog", "sa", "");
		SchemaGate gate = new SchemaGate();
		gate.migrateAtStart(Flyway.configure().dataSource(dataSource).load());
		spool = new Spool(dir.resolve("spool"), 1_000_000);
		QueryLogWriter writer = new QueryLogWriter(spool,
				new QueryLogRepository(dataSource, QueryLogRepositoryContract.SHANGHAI), gate, Duration.ofHours(1));
		spool.append(declined("1"));
		assertThat(writer.flush()).isFalse();

		startServer();
		assertThat(flushesWithin(writer, Duration.ofSeconds(30))).isTrue();
		assertThat(ids()).containsExactly("1");
	}

	@Test
	void replaysWhatAPreviousRunLeftInTheSpoolWhenItStarts() throws Exception {
		try (Spool previous = new Spool(dir.resolve("spool"), 1_000_000)) {
			previous.append(declined("a"));
			previous.append(declined("b"));
		}
		dataSource = TestDatabases.h2(dir);
		spool = new Spool(dir.resolve("spool"), 1_000_000);
		QueryLogWriter writer = new QueryLogWriter(spool,
				new QueryLogRepository(dataSource, QueryLogRepositoryContract.SHANGHAI), new SchemaGate(),
				Duration.ofMillis(50));
		writer.start();
		try {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (ids().size() < 2 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}
		finally {
			writer.stop();
		}
		assertThat(ids()).containsExactly("a", "b");
	}

	/**
	 * A context that is stopped and started again (Spring pauses cached test contexts so)
	 * keeps recording: stopping writes what is spooled but leaves the spool open.
	 */
	@Test
	void aWriterStoppedAndStartedAgainStillWritesWhatIsSpooledAfterwards() throws Exception {
		dataSource = TestDatabases.h2(dir);
		spool = new Spool(dir.resolve("spool"), 1_000_000);
		QueryLogWriter writer = new QueryLogWriter(spool,
				new QueryLogRepository(dataSource, QueryLogRepositoryContract.SHANGHAI), new SchemaGate(),
				Duration.ofHours(1));
		writer.start();
		assertThat(spool.append(declined("before"))).isTrue();
		writer.stop();
		assertThat(ids()).containsExactly("before");

		assertThat(spool.append(declined("while-stopped"))).isTrue();
		writer.start();
		assertThat(spool.append(declined("after"))).isTrue();
		assertThat(writer.flush()).isTrue();
		writer.stop();
		assertThat(ids()).containsExactlyInAnyOrder("before", "while-stopped", "after");
	}

	@Test
	void setsAsideAnEntryTheDatabaseRefusesAndWritesTheRest() throws Exception {
		dataSource = TestDatabases.h2(dir);
		spool = new Spool(dir.resolve("spool"), 1_000_000);
		QueryLogWriter writer = new QueryLogWriter(spool,
				new QueryLogRepository(dataSource, QueryLogRepositoryContract.SHANGHAI), new SchemaGate(),
				Duration.ofHours(1));
		SpoolEntry tooLong = new SpoolEntry(SpoolEntry.Kind.QUESTION, "bad", Instant.parse("2020-09-01T02:00:00Z"),
				"x".repeat(40), null, "问题", "declined", null, 0.2, null, null, null);
		spool.append(declined("1"));
		spool.append(tooLong);
		spool.append(declined("2"));
		assertThat(writer.flush()).isTrue();
		assertThat(ids()).containsExactly("1", "2");
		assertThat(Files.readString(spool.directory().resolve(Spool.REJECTED))).contains("\"id\":\"bad\"");
		assertThat(spool.pendingBytes()).isZero();
	}

	/**
	 * A segment longer than a chunk is stored a chunk per transaction, so that no
	 * transaction holds a whole flush interval of questions; a segment whose first chunk
	 * was committed before a crash is written again without doubling it.
	 */
	@Test
	void writesALongSegmentAChunkAtATimeAndSkipsWhatACrashedRunCommitted() throws Exception {
		dataSource = TestDatabases.h2(dir);
		spool = new Spool(dir.resolve("spool"), 10_000_000);
		QueryLogRepository repository = spy(new QueryLogRepository(dataSource, QueryLogRepositoryContract.SHANGHAI));
		QueryLogWriter writer = new QueryLogWriter(spool, repository, new SchemaGate(), Duration.ofHours(1));
		int total = 2 * QueryLogWriter.CHUNK + 1;
		List<SpoolEntry> entries = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			entries.add(declined("%05d".formatted(i)));
			spool.append(entries.get(i));
		}
		repository.store(entries.subList(0, QueryLogWriter.CHUNK));
		clearInvocations(repository);

		assertThat(writer.flush()).isTrue();

		List<Integer> transactions = mockingDetails(repository).getInvocations()
			.stream()
			.filter(call -> call.getMethod().getName().equals("store"))
			.map(call -> ((List<?>) call.getArgument(0)).size())
			.toList();
		assertThat(transactions).containsExactly(QueryLogWriter.CHUNK, QueryLogWriter.CHUNK, 1);
		assertThat(ids()).hasSize(total).doesNotHaveDuplicates();
		assertThat(spool.pendingBytes()).isZero();
	}

	private static boolean flushesWithin(QueryLogWriter writer, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!writer.flush()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(600);
		}
		return true;
	}

	private List<String> ids() {
		return JdbcClient.create(dataSource).sql("SELECT id FROM query_log ORDER BY id").query(String.class).list();
	}

	private void startServer() throws SQLException, InterruptedException {
		if (port == 0) {
			port = freePort();
		}
		// the port may linger for a moment after a stop
		for (int attempt = 0;; attempt++) {
			try {
				server = Server
					.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.toString(), "-ifNotExists")
					.start();
				return;
			}
			catch (SQLException ex) {
				if (attempt > 50) {
					throw ex;
				}
				Thread.sleep(100);
			}
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
