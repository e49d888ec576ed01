package org.qualitymonth.assistant.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

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
import org.qualitymonth.assistant.nlu.FeatureExtractor;
import org.qualitymonth.assistant.nlu.TextNormalizer;

/**
 * The textbook baseline the engine must beat, trained on the same intent files: one
 * logistic-regression (maximum-entropy) model over character 1-3-grams and words with
 * every intent and the out-of-scope class as labels, and a decline threshold on the top
 * probability chosen by 5-fold cross-validation over the examples. It answers with the
 * predicted intent's whole answer, in simplified Chinese, like
 * {@code ../shared/eval/baseline.py}.
 */
final class TextbookBaseline {

	private static final double[] THRESHOLDS = { 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6 };

	private final TextNormalizer normalizer = new TextNormalizer();

	private final FeatureExtractor extractor = new FeatureExtractor();

	private final KnowledgeBase kb;

	private final DoccatModel model;

	private final double threshold;

	TextbookBaseline(KnowledgeBase kb) {
		this.kb = kb;
		List<DocumentSample> samples = samples(kb);
		this.model = train(samples);
		this.threshold = chooseThreshold(samples);
	}

	double threshold() {
		return threshold;
	}

	HeldOutScore.Answer ask(String question) {
		String[] tokens = tokens(question);
		if (tokens.length == 0) {
			return new HeldOutScore.Answer(false, false, "", null);
		}
		double[] p = new DocumentCategorizerME(model).categorize(tokens);
		int best = argmax(p);
		String label = model.getMaxentModel().getOutcome(best);
		if (Intent.OUT_OF_SCOPE.equals(label) || p[best] < threshold) {
			return new HeldOutScore.Answer(false, false, kb.outOfScope().answer(), null);
		}
		return new HeldOutScore.Answer(true, true, kb.intent(label).answer(), label);
	}

	/** Textbook features: character 1-3-grams and words, no pinyin, no rules. */
	private String[] tokens(String text) {
		String normalized = normalizer.normalize(text);
		return extractor.features(normalized)
			.stream()
			.filter(f -> f.startsWith("u=") || f.startsWith("b=") || f.startsWith("t=") || f.startsWith("w="))
			.toArray(String[]::new);
	}

	private List<DocumentSample> samples(KnowledgeBase kb) {
		List<DocumentSample> samples = new ArrayList<>();
		for (Intent intent : kb.intents()) {
			for (String example : intent.examples()) {
				String[] tokens = tokens(example);
				if (tokens.length > 0) {
					samples.add(new DocumentSample(intent.id(), tokens));
				}
			}
		}
		return samples;
	}

	private double chooseThreshold(List<DocumentSample> samples) {
		List<DocumentSample> shuffled = new ArrayList<>(samples);
		Collections.shuffle(shuffled, new Random(42));
		int folds = 5;
		int[] right = new int[THRESHOLDS.length];
		for (int fold = 0; fold < folds; fold++) {
			List<DocumentSample> training = new ArrayList<>();
			List<DocumentSample> test = new ArrayList<>();
			for (int i = 0; i < shuffled.size(); i++) {
				(i % folds == fold ? test : training).add(shuffled.get(i));
			}
			DoccatModel m = train(training);
			for (DocumentSample sample : test) {
				double[] p = new DocumentCategorizerME(m).categorize(sample.getText());
				int best = argmax(p);
				String label = m.getMaxentModel().getOutcome(best);
				for (int t = 0; t < THRESHOLDS.length; t++) {
					String predicted = p[best] < THRESHOLDS[t] ? Intent.OUT_OF_SCOPE : label;
					right[t] += predicted.equals(sample.getCategory()) ? 1 : 0;
				}
			}
		}
		int best = 0;
		for (int t = 1; t < THRESHOLDS.length; t++) {
			best = right[t] > right[best] ? t : best;
		}
		return THRESHOLDS[best];
	}

	private static DoccatModel train(List<DocumentSample> samples) {
		TrainingParameters params = TrainingParameters.defaultParams();
		params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
		params.put(TrainingParameters.ITERATIONS_PARAM, 100);
		params.put(TrainingParameters.CUTOFF_PARAM, 1);
		try {
			return opennlp.tools.doccat.DocumentCategorizerME.train("zh", ObjectStreamUtils.createObjectStream(samples),
					params, new DoccatFactory(new FeatureGenerator[] { new BagOfWordsFeatureGenerator() }));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int argmax(double[] p) {
		int best = 0;
		for (int i = 1; i < p.length; i++) {
			best = p[i] > p[best] ? i : best;
		}
		return best;
	}

}
