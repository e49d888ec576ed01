package org.qualitymonth.assistant.querylog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A private schema on the real PostgreSQL server named by {@code TEST_POSTGRES_URL} (env)
 * or {@code test.postgres.url} (system property), e.g. as {@code bin/test} exports it for
 * its throw-away cluster. Without a server the tests fail, they are not skipped; set the
 * variable to {@code skip} to skip them on purpose (reported as skipped).
 */
public final class TestPostgres implements AutoCloseable {

	private final String serverUrl;

	private final String schema;

	private TestPostgres(String serverUrl, String schema) {
		this.serverUrl = serverUrl;
		this.schema = schema;
	}

	/**
	 * Creates a fresh schema, so that tests running at the same time never see each
	 * other's rows.
	 */
	public static TestPostgres newSchema() {
		String url = System.getProperty("test.postgres.url", System.getenv("TEST_POSTGRES_URL"));
		if (url == null || url.isBlank()) {
			Assertions
				.fail("No PostgreSQL server for the query log tests. Run the tests with bin/test (starts a throw-away"
						+ " PostgreSQL cluster and exports TEST_POSTGRES_URL), or set TEST_POSTGRES_URL=jdbc:postgresql://host:port/db"
						+ "?user=...&password=...; TEST_POSTGRES_URL=skip skips these tests on purpose.");
		}
		Assumptions.assumeFalse(url.strip().equalsIgnoreCase("skip"),
				"TEST_POSTGRES_URL=skip: PostgreSQL tests skipped on purpose");
		String schema = "qm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
		TestPostgres postgres = new TestPostgres(url.strip(), schema);
		postgres.execute("CREATE SCHEMA " + schema);
		return postgres;
	}

	/** The JDBC URL whose connections work in the private schema. */
	public String url() {
		return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	public String schema() {
		return schema;
	}

	@Override
	public void close() {
		execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(serverUrl);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			Assertions.fail("PostgreSQL at " + serverUrl.replaceAll("password=[^&]*", "password=***") + " failed: "
					+ ex.getMessage(), ex);
		}
	}

}
