package org.qualitymonth.assistant.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;

/**
 * A Redis server for tests: the one named by {@code TEST_REDIS_URL} (env) when set,
 * otherwise a {@code redis-server} process of its own (Debian's package
 * {@code redis-server}) on a free loopback port with a temporary directory and no
 * persistence, stopped by {@link #close()}. Without either the tests fail, they are not
 * skipped.
 */
public final class TestRedis implements AutoCloseable {

	private final String url;

	private final Process process;

	private final Path dir;

	private TestRedis(String url, Process process, Path dir) {
		this.url = url;
		this.process = process;
		this.dir = dir;
	}

	public static TestRedis start() {
		String configured = System.getenv("TEST_REDIS_URL");
		if (configured != null && !configured.isBlank()) {
			return new TestRedis(configured.strip(), null, null);
		}
		try {
			Path dir = Files.createTempDirectory("test-redis");
			int port = freePort();
			Process process;
			try {
				process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
						"--dir", dir.toString(), "--save", "", "--appendonly", "no", "--protected-mode", "no")
					.redirectErrorStream(true)
					.redirectOutput(dir.resolve("redis.log").toFile())
					.start();
			}
			catch (IOException notInstalled) {
				Assertions.fail("No Redis for the replicated-mode tests: install Debian's redis-server (apt-get install"
						+ " redis-server; .ci/run does) or set TEST_REDIS_URL=redis://host:port", notInstalled);
				return null;
			}
			TestRedis redis = new TestRedis("redis://127.0.0.1:" + port, process, dir);
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (!redis.pings()) {
				if (!process.isAlive() || System.nanoTime() > deadline) {
					redis.close();
					Assertions.fail("redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
				}
				Thread.sleep(50);
			}
			return redis;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String url() {
		return url;
	}

	/**
	 * Sends one command (RESP, plain words) and returns the first reply line, e.g.
	 * {@code +PONG}.
	 */
	public String command(String... words) throws IOException {
		java.net.URI uri = java.net.URI.create(url);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
			socket.setSoTimeout(2000);
			StringBuilder resp = new StringBuilder("*" + words.length + "\r\n");
			for (String word : words) {
				resp.append('$')
					.append(word.getBytes(StandardCharsets.UTF_8).length)
					.append("\r\n")
					.append(word)
					.append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}
	}

	/** {@link #command} for assertions in lambdas. */
	public String commandUnchecked(String... words) {
		try {
			return command(words);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private boolean pings() {
		try {
			return "+PONG".equals(command("PING"));
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		try (var files = Files.walk(dir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ignored) {
			// a temp directory left behind is harmless
		}
	}

}
