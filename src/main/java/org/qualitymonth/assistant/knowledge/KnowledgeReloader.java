package org.qualitymonth.assistant.knowledge;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the intent directory off to the side and hands a complete, valid knowledge base to the
 * installer (which trains and swaps it in). A failed load leaves the serving snapshot untouched
 * and is reported in the status and the log.
 */
public final class KnowledgeReloader {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeReloader.class);

	private final KnowledgeLoader loader;

	private final Path directory;

	private final Consumer<KnowledgeBase> installer;

	private final Clock clock;

	private final AtomicReference<KnowledgeStatus> status = new AtomicReference<>();

	public KnowledgeReloader(KnowledgeLoader loader, Path directory, Consumer<KnowledgeBase> installer, Clock clock) {
		this.loader = loader;
		this.directory = directory;
		this.installer = installer;
		this.clock = clock;
	}

	/** Loads and installs; returns true when the new knowledge base is serving. Never throws for bad files. */
	public synchronized boolean reload() {
		KnowledgeStatus before = status.get();
		try {
			KnowledgeBase kb = loader.load(directory);
			installer.accept(kb);
			status.set(new KnowledgeStatus(kb.version(), kb.loadedAt(), kb.intents().size(), kb.exampleCount(),
					clock.instant(), true, List.of(), (before == null ? 0 : before.reloads()) + 1,
					before == null ? 0 : before.failures()));
			log.info("Knowledge base {} loaded from {}: {} intents, {} examples", kb.version(), directory,
					kb.intents().size(), kb.exampleCount());
			return true;
		}
		catch (InvalidKnowledgeException ex) {
			fail(before, ex.problems());
			log.warn("Intent files in {} rejected, the previous knowledge base keeps serving:\n{}", directory,
					ex.getMessage());
			return false;
		}
		catch (RuntimeException ex) {
			fail(before, List.of(new Problem(directory.toString(), 0, "训练失败：" + ex.getMessage(),
					"training failed: " + ex.getMessage())));
			log.error("Training on {} failed, the previous knowledge base keeps serving", directory, ex);
			return false;
		}
	}

	private void fail(KnowledgeStatus before, List<Problem> problems) {
		status.set(new KnowledgeStatus(before == null ? null : before.version(),
				before == null ? null : before.loadedAt(), before == null ? 0 : before.intents(),
				before == null ? 0 : before.examples(), clock.instant(), false, problems,
				before == null ? 0 : before.reloads(), (before == null ? 0 : before.failures()) + 1));
	}

	/** The current status; null before the first attempt. */
	public KnowledgeStatus status() {
		return status.get();
	}

	public Path directory() {
		return directory;
	}

}
