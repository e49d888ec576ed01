package org.qualitymonth.assistant.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.InvalidKnowledgeException;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;

/**
 * Where the benchmarks find the shipped intent files: run them from the project root, or set
 * {@code -Dbench.intents=... -Dbench.notice=...} (JMH passes {@code -jvmArgsAppend} to its forks).
 */
public final class BenchmarkData {

	static final Path INTENTS = Path.of(System.getProperty("bench.intents", "intents"));

	static final Path NOTICE = Path.of(System.getProperty("bench.notice", "seeds/000_6176395c013b77c3.txt"));

	/** As many distinct questions as the load test's mix. */
	public static final int QUESTIONS = 1000;

	private BenchmarkData() {
	}

	public static KnowledgeBase knowledge() {
		try {
			return StandaloneAssistant.load(INTENTS, NOTICE, 10);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("run the benchmarks from the project root (intents/ and seeds/ are read)", ex);
		}
		catch (InvalidKnowledgeException ex) {
			throw new IllegalStateException("the intent files in " + INTENTS.toAbsolutePath() + " are invalid", ex);
		}
	}

}
