package org.qualitymonth.assistant.chat;

import java.util.List;
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
import org.qualitymonth.assistant.nlu.Classification;
import org.qualitymonth.assistant.nlu.DecisionPolicy;
import org.qualitymonth.assistant.nlu.IntentClassifier;
import org.qualitymonth.assistant.nlu.NluSettings;
import org.qualitymonth.assistant.nlu.TextNormalizer;
import org.qualitymonth.assistant.perf.BenchmarkData;
import org.qualitymonth.assistant.perf.BenchmarkQuestions;

/**
 * The per-question costs, each over the same 1,000 distinct questions taken in turn: normalisation,
 * classification (what a cache miss pays), and the whole {@link ChatService#ask} path with the answer
 * in the cache and not. SampleTime gives the mean and the percentiles the targets are stated in.
 * Questions carry no session id, so no follow-up is read in context (that would classify twice).
 * In the core's package, since it empties the answer cache, which only the core may touch.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AnswerPathBenchmark {

	private List<String> questions;

	private List<String> normalizedQuestions;

	private TextNormalizer normalizer;

	private IntentClassifier classifier;

	private AnswerCache missCache;

	private ChatService missService;

	private ChatService hitService;

	private int next;

	private int nextMiss;

	@Setup(Level.Trial)
	public void setUp() {
		KnowledgeBase kb = BenchmarkData.knowledge();
		NluSettings nlu = NluSettings.defaults();
		questions = BenchmarkQuestions.generate(kb, BenchmarkData.QUESTIONS, BenchmarkQuestions.SEED);
		normalizer = new TextNormalizer();
		normalizedQuestions = questions.stream().map(normalizer::normalize).toList();
		classifier = IntentClassifier.train(kb, nlu);
		missCache = new AnswerCache(10_000);
		missService = service(kb, nlu, classifier, missCache);
		hitService = service(kb, nlu, classifier, new AnswerCache(10_000));
		questions.forEach(q -> hitService.ask(new Question(q, null, "bench")));
	}

	private static ChatService service(KnowledgeBase kb, NluSettings nlu, IntentClassifier classifier, AnswerCache cache) {
		AssistantState state = new AssistantState(cache);
		state.install(new Snapshot(kb, classifier));
		return new ChatService(state, cache, new DecisionPolicy(nlu), ChatService.defaultSettings(), List.of(),
				StandaloneAssistant.messages());
	}

	private String nextQuestion() {
		String q = questions.get(next);
		next = (next + 1) % questions.size();
		return q;
	}

	@Benchmark
	public String normalize() {
		return normalizer.normalize(nextQuestion());
	}

	/** The engine alone on normalised text: what the answer cache saves on a hit. */
	@Benchmark
	public Classification classifyCacheMiss() {
		String q = normalizedQuestions.get(next);
		next = (next + 1) % normalizedQuestions.size();
		return classifier.classifyNormalized(q);
	}

	@Benchmark
	public Reply askCacheHit() {
		return hitService.ask(new Question(nextQuestion(), null, "bench"));
	}

	/**
	 * Every question is new to the cache: the 1,000 questions are taken in turn and the cache is
	 * emptied whenever the list starts over (once per 1,000 calls, so its cost is spread thin).
	 */
	@Benchmark
	public Reply askCacheMiss() {
		if (nextMiss == 0) {
			missCache.clear();
		}
		String q = questions.get(nextMiss);
		nextMiss = (nextMiss + 1) % questions.size();
		return missService.ask(new Question(q, null, "bench"));
	}

}
