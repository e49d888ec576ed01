package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * Watches the intent directory and reloads when its files change. It polls a cheap
 * fingerprint (names, sizes, modification times) rather than relying on file-system
 * events, which are lost on network and container mounts; a change is loaded only once it
 * has stayed the same for one interval, so a file caught half-written by an editor is not
 * even tried.
 */
final class IntentDirectoryWatcher implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(IntentDirectoryWatcher.class);

	private final KnowledgeReloader reloader;

	private ScheduledFuture<?> polling;

	private String attempted;

	private String previousPoll;

	IntentDirectoryWatcher(KnowledgeReloader reloader) {
		this.reloader = reloader;
		this.attempted = fingerprint(reloader.directory());
		this.previousPoll = attempted;
	}

	/**
	 * Polls every {@code interval} on Spring's task scheduler, which stops with the
	 * application.
	 */
	IntentDirectoryWatcher start(TaskScheduler scheduler, java.time.Duration interval) {
		polling = scheduler.scheduleWithFixedDelay(this::poll, Instant.now().plus(interval), interval);
		return this;
	}

	/**
	 * One check; reloads when the directory changed and has been stable since the
	 * previous check.
	 */
	void poll() {
		try {
			String now = fingerprint(reloader.directory());
			boolean stable = Objects.equals(now, previousPoll);
			previousPoll = now;
			if (stable && !Objects.equals(now, attempted)) {
				attempted = now;
				reloader.reload();
			}
		}
		catch (RuntimeException ex) {
			// the watcher must survive anything; the next poll tries again
			log.error("Checking {} for changes failed", reloader.directory(), ex);
		}
	}

	static String fingerprint(Path directory) {
		if (!Files.isDirectory(directory)) {
			return "missing";
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile)
				.sorted()
				.map(IntentDirectoryWatcher::describe)
				.collect(Collectors.joining("\n"));
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return "unreadable:" + ex.getMessage();
		}
	}

	private static String describe(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return file + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis() + "|"
					+ attributes.lastModifiedTime().toInstant().getNano();
		}
		catch (IOException ex) {
			return file + "|gone";
		}
	}

	@Override
	public void close() {
		if (polling != null) {
			polling.cancel(false);
		}
	}

}
