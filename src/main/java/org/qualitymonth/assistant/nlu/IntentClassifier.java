package org.qualitymonth.assistant.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
 * Two maximum-entropy document categorisers (Apache OpenNLP) over
 * {@link FeatureExtractor} features: a scope model that tells questions about the notice
 * from everything else (trained on all answerable examples against the out-of-scope
 * examples, which balances the two sides), and an intent model that ranks the answerable
 * intents. A nearest-example index adds a similarity signal. Immutable once trained; a
 * reload trains a new one.
 */
public final class IntentClassifier {

	static final String IN_SCOPE = "in_scope";

	private final TextNormalizer normalizer;

	private final FeatureExtractor extractor;

	private final DoccatModel scopeModel;

	private final DoccatModel intentModel;

	private final ExampleIndex index;

	private IntentClassifier(TextNormalizer normalizer, FeatureExtractor extractor, DoccatModel scopeModel,
			DoccatModel intentModel, ExampleIndex index) {
		this.normalizer = normalizer;
		this.extractor = extractor;
		this.scopeModel = scopeModel;
		this.intentModel = intentModel;
		this.index = index;
	}

	/** Trains on all examples of {@code knowledge}. */
	public static IntentClassifier train(KnowledgeBase knowledge, NluSettings settings) {
		return train(examplesOf(knowledge), settings);
	}

	/** Trains on the given (intent, text) examples; used by cross-validation. */
	public static IntentClassifier train(List<Map.Entry<String, String>> examples, NluSettings settings) {
		return of(trainModels(examples, settings));
	}

	/**
	 * The classifier of models trained here or read back from {@link TrainedModelCache}.
	 */
	static IntentClassifier of(TrainedModels models) {
		return new IntentClassifier(new TextNormalizer(), new FeatureExtractor(), models.scope(), models.intents(),
				new ExampleIndex(models.examples()));
	}

	static TrainedModels trainModels(List<Map.Entry<String, String>> examples, NluSettings settings) {
		TextNormalizer normalizer = new TextNormalizer();
		FeatureExtractor extractor = new FeatureExtractor();
		List<LabelledFeatures> labelled = new ArrayList<>();
		for (Map.Entry<String, String> example : examples) {
			List<String> features = extractor.features(normalizer.normalize(example.getValue()));
			if (!features.isEmpty()) {
				labelled.add(new LabelledFeatures(example.getKey(), features));
			}
		}
		List<DocumentSample> scope = new ArrayList<>();
		List<DocumentSample> intents = new ArrayList<>();
		for (LabelledFeatures example : labelled) {
			String[] features = example.features().toArray(String[]::new);
			boolean outOfScope = Intent.OUT_OF_SCOPE.equals(example.label());
			scope.add(new DocumentSample(outOfScope ? Intent.OUT_OF_SCOPE : IN_SCOPE, features));
			if (!outOfScope) {
				intents.add(new DocumentSample(example.label(), features));
			}
		}
		// The two models are independent: training them side by side halves the wait on a
		// two-core machine.
		CompletableFuture<DoccatModel> scopeModel = CompletableFuture.supplyAsync(() -> trainModel(scope, settings));
		DoccatModel intentModel = trainModel(intents, settings);
		return new TrainedModels(scopeModel.join(), intentModel, labelled);
	}

	private static DoccatModel trainModel(List<DocumentSample> samples, NluSettings settings) {
		TrainingParameters params = TrainingParameters.defaultParams();
		params.put(TrainingParameters.ALGORITHM_PARAM, settings.algorithm());
		params.put(TrainingParameters.ITERATIONS_PARAM, settings.iterations());
		params.put(TrainingParameters.CUTOFF_PARAM, 1);
		params.put("L2Cost", settings.l2Cost());
		params.put("L1Cost", 0.0);
		params.put("Threads", 1);
		try {
			return DocumentCategorizerME.train("zh", ObjectStreamUtils.createObjectStream(samples), params,
					new DoccatFactory(new FeatureGenerator[] { new BagOfWordsFeatureGenerator() }));
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
		String[] tokens = features.toArray(String[]::new);
		boolean otherYear = features.contains(FeatureExtractor.OTHER_YEAR)
				&& !features.contains(FeatureExtractor.NOTICE_YEAR);
		// DocumentCategorizerME keeps per-call state; a fresh one per question keeps this
		// thread-safe.
		double[] scope = new DocumentCategorizerME(scopeModel).categorize(tokens);
		// The notice is about 2020 only: a question about another year's Quality Month is
		// never answered from it.
		double outOfScope = otherYear ? 1.0 : scope[scopeModel.getMaxentModel().getIndex(Intent.OUT_OF_SCOPE)];
		double[] probabilities = new DocumentCategorizerME(intentModel).categorize(tokens);
		Map<String, Double> nearest = index.nearest(features);
		List<Candidate> ranked = new ArrayList<>();
		for (int i = 0; i < probabilities.length; i++) {
			String label = intentModel.getMaxentModel().getOutcome(i);
			ranked.add(new Candidate(label, probabilities[i], nearest.getOrDefault(label, 0.0)));
		}
		ranked.sort(Comparator.comparingDouble(Candidate::probability).reversed());
		return new Classification(ranked, outOfScope, nearest.getOrDefault(Intent.OUT_OF_SCOPE, 0.0));
	}

}
