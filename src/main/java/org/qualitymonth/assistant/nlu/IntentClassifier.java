package org.qualitymonth.assistant.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;

/**
 * A maximum-entropy document categoriser (Apache OpenNLP) over {@link FeatureExtractor}
 * features, trained on every intent's examples including the out-of-scope class, plus a nearest
 * example index. Immutable once trained; a reload trains a new one.
 */
public final class IntentClassifier {

	private final TextNormalizer normalizer;

	private final FeatureExtractor extractor;

	private final DoccatModel model;

	private final ExampleIndex index;

	private IntentClassifier(TextNormalizer normalizer, FeatureExtractor extractor, DoccatModel model,
			ExampleIndex index) {
		this.normalizer = normalizer;
		this.extractor = extractor;
		this.model = model;
		this.index = index;
	}

	/** Trains on all examples of {@code knowledge}. */
	public static IntentClassifier train(KnowledgeBase knowledge, NluSettings settings) {
		return train(examplesOf(knowledge), settings);
	}

	/** Trains on the given (label, text) examples; used by cross-validation. */
	public static IntentClassifier train(List<Map.Entry<String, String>> examples, NluSettings settings) {
		TextNormalizer normalizer = new TextNormalizer();
		FeatureExtractor extractor = new FeatureExtractor();
		List<LabelledFeatures> labelled = new ArrayList<>();
		List<DocumentSample> samples = new ArrayList<>();
		for (Map.Entry<String, String> example : examples) {
			List<String> features = extractor.features(normalizer.normalize(example.getValue()));
			if (features.isEmpty()) {
				continue;
			}
			labelled.add(new LabelledFeatures(example.getKey(), features));
			samples.add(new DocumentSample(example.getKey(), features.toArray(String[]::new)));
		}
		TrainingParameters params = TrainingParameters.defaultParams();
		params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
		params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
		params.put(TrainingParameters.CUTOFF_PARAM, 1);
		params.put("L2Cost", settings.l2Cost());
		params.put("L1Cost", 0.0);
		params.put("Threads", 1);
		try {
			DoccatModel model = DocumentCategorizerME.train("zh", ObjectStreamUtils.createObjectStream(samples), params,
					new DoccatFactory(new FeatureGenerator[] { new BagOfWordsFeatureGenerator() }));
			return new IntentClassifier(normalizer, extractor, model, new ExampleIndex(labelled));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Map.Entry<String, String>> examplesOf(KnowledgeBase knowledge) {
		List<Map.Entry<String, String>> examples = new ArrayList<>();
		for (Intent intent : knowledge.intents()) {
			intent.examples().forEach(e -> examples.add(Map.entry(intent.id(), e)));
		}
		return examples;
	}

	/** Classifies raw text (it is normalised here). */
	public Classification classify(String text) {
		return classifyNormalized(normalizer.normalize(text));
	}

	public Classification classifyNormalized(String normalized) {
		List<String> features = extractor.features(normalized);
		if (features.isEmpty()) {
			return Classification.empty();
		}
		// DocumentCategorizerME keeps per-call state; a fresh one per question keeps this thread-safe.
		double[] probabilities = new DocumentCategorizerME(model).categorize(features.toArray(String[]::new));
		Map<String, Double> nearest = index.nearest(features);
		List<Candidate> ranked = new ArrayList<>();
		double outOfScope = 0;
		for (int i = 0; i < probabilities.length; i++) {
			String label = model.getMaxentModel().getOutcome(i);
			if (Intent.OUT_OF_SCOPE.equals(label)) {
				outOfScope = probabilities[i];
			}
			else {
				ranked.add(new Candidate(label, probabilities[i], nearest.getOrDefault(label, 0.0)));
			}
		}
		ranked.sort(Comparator.comparingDouble(Candidate::probability).reversed());
		return new Classification(ranked, outOfScope, nearest.getOrDefault(Intent.OUT_OF_SCOPE, 0.0));
	}

}
