package org.qualitymonth.assistant.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of every training example, for "how close is this question to anything
 * staff wrote for that intent". The classifier's probabilities alone are over-confident
 * on questions that merely share a word or two with the notice; the nearest example is a
 * second opinion.
 *
 * <p>
 * The vectors are stored as postings (feature to the examples that have it, with their
 * weights), so a question only visits the examples it shares a feature with, instead of
 * every example; this is the bulk of the cost of a question the answer cache has not seen
 * (docs/performance.md).
 */
final class ExampleIndex {

	/** The examples that have one feature, and the feature's weight in each. */
	private record Postings(int[] examples, double[] weights) {
	}

	private final Map<String, Double> idf;

	private final double unseenWeight;

	private final Map<String, Postings> postings;

	/** The intent of each example, as an index into {@link #intents}. */
	private final int[] intentOf;

	private final String[] intents;

	ExampleIndex(List<LabelledFeatures> examples) {
		Map<String, Integer> df = new HashMap<>();
		for (LabelledFeatures example : examples) {
			example.features()
				.stream()
				.filter(ExampleIndex::counts)
				.distinct()
				.forEach(f -> df.merge(f, 1, Integer::sum));
		}
		double n = examples.size();
		Map<String, Double> weights = new HashMap<>();
		df.forEach((f, d) -> weights.put(f, Math.log((n + 1) / (d + 1)) + 1));
		this.idf = Map.copyOf(weights);
		this.unseenWeight = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
		Map<String, Integer> intentIds = new LinkedHashMap<>();
		Map<String, List<double[]>> lists = new HashMap<>();
		this.intentOf = new int[examples.size()];
		for (int i = 0; i < examples.size(); i++) {
			LabelledFeatures example = examples.get(i);
			intentOf[i] = intentIds.computeIfAbsent(example.label(), label -> intentIds.size());
			int exampleId = i;
			vector(example.features())
				.forEach((f, w) -> lists.computeIfAbsent(f, k -> new ArrayList<>()).add(new double[] { exampleId, w }));
		}
		Map<String, Postings> built = new HashMap<>();
		lists.forEach((f, list) -> built.put(f, new Postings(list.stream().mapToInt(p -> (int) p[0]).toArray(),
				list.stream().mapToDouble(p -> p[1]).toArray())));
		this.postings = Map.copyOf(built);
		this.intents = intentIds.keySet().toArray(String[]::new);
	}

	/** The highest cosine similarity between the question and any example, per intent. */
	Map<String, Double> nearest(List<String> features) {
		double[] dot = new double[intentOf.length];
		vector(features).forEach((f, w) -> {
			Postings p = postings.get(f);
			if (p != null) {
				for (int k = 0; k < p.examples().length; k++) {
					dot[p.examples()[k]] += w * p.weights()[k];
				}
			}
		});
		double[] best = new double[intents.length];
		for (int i = 0; i < dot.length; i++) {
			best[intentOf[i]] = Math.max(best[intentOf[i]], dot[i]);
		}
		Map<String, Double> nearest = new HashMap<>();
		for (int i = 0; i < intents.length; i++) {
			nearest.put(intents[i], best[i]);
		}
		return nearest;
	}

	private Map<String, Double> vector(List<String> features) {
		Map<String, Double> tf = new HashMap<>();
		for (String f : features) {
			if (counts(f)) {
				// unseen features weigh as the rarest: an unknown word makes a question
				// less similar
				tf.merge(f, idf.getOrDefault(f, unseenWeight), Double::sum);
			}
		}
		double norm = Math.sqrt(tf.values().stream().mapToDouble(v -> v * v).sum());
		if (norm > 0) {
			tf.replaceAll((k, v) -> v / norm);
		}
		return tf;
	}

	/**
	 * Pinyin features would make unrelated homophones look alike; similarity uses the
	 * characters.
	 */
	private static boolean counts(String feature) {
		return feature.startsWith("u=") || feature.startsWith("b=") || feature.startsWith("w=");
	}

}
