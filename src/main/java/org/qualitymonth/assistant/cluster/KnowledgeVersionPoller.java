package org.qualitymonth.assistant.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import org.qualitymonth.assistant.knowledge.KnowledgeReloader;

/**
 * Each second, compares the knowledge version published in PostgreSQL with the one this
 * replica serves, and reloads the shared intent directory when they differ. The directory
 * watcher alone would see most edits too, but a shared volume (NFS, SMB) may show a
 * replica a file's new size or time only after its attribute cache expires (up to a
 * minute); the version row bounds that. A reload is tried once per change of the
 * directory as this replica sees it, so a volume that lags costs no training per poll;
 * the reloader loads and validates the whole directory and swaps it in at once, so a
 * replica serves the old version or the new, never half of an edit.
 */
final class KnowledgeVersionPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeVersionPoller.class);

	private static final Duration WARN_AFTER = Duration.ofSeconds(5);

	private final ClusterTables tables;

	private final KnowledgeReloader reloader;

	private final Duration interval;

	private ScheduledExecutorService scheduler;

	private String attempted;

	private boolean first = true;

	private String seenPublished;

	private boolean pending;

	private long behindSince;

	private boolean warned;

	KnowledgeVersionPoller(ClusterTables tables, KnowledgeReloader reloader, Duration interval) {
		this.tables = tables;
		this.reloader = reloader;
		this.interval = interval;
	}

	/**
	 * Acts on a change of the row only: a row left behind by a later edit made directly
	 * on the volume (which the watchers load) must not make every replica train again on
	 * each change of the directory.
	 */
	void poll() {
		try {
			String published = tables.publishedVersion();
			if (first) {
				// the initial load read the directory itself, which is newer than or the
				// same as the row
				first = false;
				seenPublished = published;
				return;
			}
			if (!Objects.equals(published, seenPublished)) {
				seenPublished = published;
				pending = published != null;
				attempted = null;
				behindSince = System.nanoTime();
				warned = false;
			}
			String serving = reloader.status().version();
			if (!pending || serving == null) {
				return;
			}
			if (published.equals(serving)) {
				pending = false;
				return;
			}
			String seen = fingerprint(reloader.directory());
			if (!Objects.equals(seen, attempted)) {
				attempted = seen;
				reloader.reload();
				pending = !published.equals(reloader.status().version());
			}
			else if (!warned && System.nanoTime() - behindSince > WARN_AFTER.toNanos()) {
				warned = true;
				log.warn(
						"Knowledge base {} was published by another replica {} ago; this replica still serves {} because"
								+ " {} does not show the edit yet (or it fails here: see the knowledge status)",
						published, WARN_AFTER, serving, reloader.directory());
			}
		}
		catch (Exception ex) {
			// the poller must survive anything; the next poll tries again
			log.debug("Checking the published knowledge version failed: {}", ex.toString());
		}
	}

	/**
	 * Names, sizes and modification times: cheap, and it changes whenever a file is
	 * replaced.
	 */
	static String fingerprint(Path directory) {
		if (!Files.isDirectory(directory)) {
			return "missing";
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).sorted().map(file -> {
				try {
					BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
					return file + "|" + a.size() + "|" + a.lastModifiedTime().toInstant();
				}
				catch (IOException gone) {
					return file + "|gone";
				}
			}).collect(Collectors.joining("\n"));
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return "unreadable:" + ex.getMessage();
		}
	}

	@Override
	public synchronized void start() {
		if (scheduler == null) {
			scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
				Thread thread = new Thread(r, "knowledge-version");
				thread.setDaemon(true);
				return thread;
			});
			scheduler.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}

}
