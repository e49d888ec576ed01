package org.qualitymonth.assistant.knowledge;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the intent directory off to the side and hands a complete, valid knowledge base
 * to the installer (which trains and swaps it in). A failed load leaves the serving
 * snapshot untouched and is reported in the status and the log.
 */
public final class KnowledgeReloader {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeReloader.class);

	private final KnowledgeLoader loader;

	private final Path directory;

	private final Consumer<KnowledgeBase> installer;

	private final Clock clock;

	private final AtomicReference<KnowledgeStatus> status = new AtomicReference<>(KnowledgeStatus.initial());

	public KnowledgeReloader(KnowledgeLoader loader, Path directory, Consumer<KnowledgeBase> installer, Clock clock) {
		this.loader = loader;
		this.directory = directory;
		this.installer = installer;
		this.clock = clock;
	}

	/**
	 * Loads and installs; returns true when the new knowledge base is serving. Never
	 * throws for bad files.
	 */
	public synchronized boolean reload() {
		try {
			KnowledgeBase kb = loader.load(directory);
			installer.accept(kb);
			status.updateAndGet(s -> s.succeeded(kb, clock.instant()));
			log.info("Knowledge base {} loaded from {}: {} intents, {} examples", kb.version(), directory,
					kb.intents().size(), kb.exampleCount());
			kb.warnings().forEach(w -> log.warn("{}", w));
			return true;
		}
		catch (InvalidKnowledgeException ex) {
			status.updateAndGet(s -> s.failed(ex.problems(), clock.instant()));
			log.warn("Intent files in {} rejected, the previous knowledge base keeps serving:\n{}", directory,
					ex.getMessage());
			return false;
		}
		catch (RuntimeException ex) {
			List<Problem> problems = List
				.of(ProblemTexts.problem(directory.toString(), 0, "problem.training", ex.getMessage()));
			status.updateAndGet(s -> s.failed(problems, clock.instant()));
			log.error("Training on {} failed, the previous knowledge base keeps serving", directory, ex);
			return false;
		}
	}

	/** The current status. */
	public KnowledgeStatus status() {
		return status.get();
	}

	public Path directory() {
		return directory;
	}

}
