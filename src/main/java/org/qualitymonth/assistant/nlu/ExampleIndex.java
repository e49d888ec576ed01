package org.qualitymonth.assistant.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of every training example, for "how close is this question to anything staff
 * wrote for that intent". The classifier's probabilities alone are over-confident on questions
 * that merely share a word or two with the notice; the nearest example is a second opinion.
 */
final class ExampleIndex {

	private record Entry(String intent, Map<String, Double> vector) {
	}

	private final Map<String, Double> idf;

	private final double unseenWeight;

	private final List<Entry> entries;

	ExampleIndex(List<LabelledFeatures> examples) {
		Map<String, Integer> df = new HashMap<>();
		for (LabelledFeatures example : examples) {
			example.features().stream().filter(ExampleIndex::counts).distinct().forEach(f -> df.merge(f, 1, Integer::sum));
		}
		double n = examples.size();
		Map<String, Double> weights = new HashMap<>();
		df.forEach((f, d) -> weights.put(f, Math.log((n + 1) / (d + 1)) + 1));
		this.idf = Map.copyOf(weights);
		this.unseenWeight = weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
		List<Entry> list = new ArrayList<>();
		for (LabelledFeatures example : examples) {
			list.add(new Entry(example.label(), vector(example.features())));
		}
		this.entries = List.copyOf(list);
	}

	/** The highest cosine similarity between the question and any example, per intent. */
	Map<String, Double> nearest(List<String> features) {
		Map<String, Double> query = vector(features);
		Map<String, Double> best = new HashMap<>();
		for (Entry entry : entries) {
			double dot = 0;
			Map<String, Double> small = query.size() < entry.vector().size() ? query : entry.vector();
			Map<String, Double> large = small == query ? entry.vector() : query;
			for (Map.Entry<String, Double> e : small.entrySet()) {
				Double other = large.get(e.getKey());
				if (other != null) {
					dot += e.getValue() * other;
				}
			}
			best.merge(entry.intent(), dot, Math::max);
		}
		return best;
	}

	private Map<String, Double> vector(List<String> features) {
		Map<String, Double> tf = new HashMap<>();
		for (String f : features) {
			if (counts(f)) {
				// unseen features weigh as the rarest: an unknown word makes a question less similar
				tf.merge(f, idf.getOrDefault(f, unseenWeight), Double::sum);
			}
		}
		double norm = Math.sqrt(tf.values().stream().mapToDouble(v -> v * v).sum());
		if (norm > 0) {
			tf.replaceAll((k, v) -> v / norm);
		}
		return tf;
	}

	/** Pinyin features would make unrelated homophones look alike; similarity uses the characters. */
	private static boolean counts(String feature) {
		return feature.startsWith("u=") || feature.startsWith("b=") || feature.startsWith("w=");
	}

}
