package org.qualitymonth.assistant.system;

import java.util.concurrent.CompletableFuture;

import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.Problem;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The first load of the intent files, started when this bean is created and awaited once
 * the context is up: training overlaps the rest of start-up, and invalid files still stop
 * the app.
 */
final class InitialKnowledgeLoad implements ApplicationRunner {

	private final KnowledgeReloader reloader;

	private final CompletableFuture<Boolean> loaded;

	InitialKnowledgeLoad(KnowledgeReloader reloader) {
		this.reloader = reloader;
		this.loaded = CompletableFuture.supplyAsync(reloader::reload);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!loaded.join()) {
			throw new IllegalStateException(
					"The intent files in " + reloader.directory().toAbsolutePath() + " are invalid:\n" + String
						.join("\n", reloader.status().lastError().problems().stream().map(Problem::toString).toList()));
		}
	}

}
