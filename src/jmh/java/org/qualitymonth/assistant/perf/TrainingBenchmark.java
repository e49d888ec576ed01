package org.qualitymonth.assistant.perf;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.IntentClassifier;
import org.qualitymonth.assistant.nlu.NluSettings;

/**
 * Training on the whole intent set, and a full reload (read, validate and ground every intent file,
 * then train) as the directory watcher does it. Single shots: each call is one reload.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class TrainingBenchmark {

	private KnowledgeBase kb;

	private NluSettings nlu;

	@Setup(Level.Trial)
	public void setUp() {
		kb = BenchmarkData.knowledge();
		nlu = NluSettings.defaults();
	}

	@Benchmark
	public IntentClassifier train() {
		return IntentClassifier.train(kb, nlu);
	}

	@Benchmark
	public IntentClassifier reloadAllIntents() {
		return IntentClassifier.train(BenchmarkData.knowledge(), nlu);
	}

}
