package org.qualitymonth.assistant.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.NluSettings;

/**
 * Stratified k-fold cross-validation of the whole decision (classifier, similarity and
 * thresholds) over the intent examples: every example is predicted by a model that never
 * saw it.
 */
public final class CrossValidation {

	/** One held-out example: its intent and what the bot did with it. */
	public record Prediction(String gold, String predicted, String text) {
	}

	private CrossValidation() {
	}

	public static List<Prediction> run(KnowledgeBase kb, NluSettings settings, int folds, long seed) {
		Map<Integer, List<Map.Entry<String, String>>> byFold = new LinkedHashMap<>();
		Random random = new Random(seed);
		for (Intent intent : kb.intents()) {
			List<String> examples = new ArrayList<>(intent.examples());
			java.util.Collections.shuffle(examples, random);
			for (int i = 0; i < examples.size(); i++) {
				byFold.computeIfAbsent(i % folds, f -> new ArrayList<>()).add(Map.entry(intent.id(), examples.get(i)));
			}
		}
		List<Prediction> predictions = new ArrayList<>();
		for (int fold = 0; fold < folds; fold++) {
			List<Map.Entry<String, String>> training = new ArrayList<>();
			for (Map.Entry<Integer, List<Map.Entry<String, String>>> e : byFold.entrySet()) {
				if (e.getKey() != fold) {
					training.addAll(e.getValue());
				}
			}
			Function<String, String> decision = StandaloneAssistant.decision(training, settings);
			for (Map.Entry<String, String> test : byFold.getOrDefault(fold, List.of())) {
				predictions.add(new Prediction(test.getKey(), decision.apply(test.getValue()), test.getValue()));
			}
		}
		return predictions;
	}

}
