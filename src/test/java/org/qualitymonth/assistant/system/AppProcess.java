package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qualitymonth.assistant.AssistantApplication;

/**
 * The assistant in a JVM of its own, started from the test classpath as
 * {@code java -cp ... AssistantApplication} would start it, so that it can be killed like
 * a real process; its output goes to a file.
 */
final class AppProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final Path log;

	private final int port;

	private AppProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/** Starts the app with the given arguments and waits until it serves HTTP. */
	static AppProcess start(Path log, List<String> args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						// small and quick to start: two of these share a two-core machine
						// with the test run
						"-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						AssistantApplication.class.getName(), "--server.port=0"));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
		while (System.nanoTime() < deadline) {
			Matcher started = STARTED.matcher(read(log));
			if (started.find()) {
				return new AppProcess(process, log, Integer.parseInt(started.group(1)));
			}
			if (!process.isAlive()) {
				throw new IllegalStateException("the app exited with " + process.exitValue() + ":\n" + read(log));
			}
			Thread.sleep(200);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the app did not start within 180 s:\n" + read(log));
	}

	int port() {
		return port;
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	String output() throws IOException {
		return read(log);
	}

	/** SIGKILL: no shutdown hook, no flush, nothing. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("the app survived SIGKILL");
		}
	}

	/** SIGTERM: Spring's shutdown hook stops the app gracefully. */
	int stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the app did not stop within 120 s of SIGTERM");
		}
		return process.exitValue();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			kill();
		}
	}

	private static String read(Path log) throws IOException {
		return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
	}

}
