package org.qualitymonth.assistant.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.knowledge.Intent;

/**
 * The numbers NLU people expect: per-intent precision, recall and F1 from
 * cross-validation, the most frequent confusions and the out-of-scope decline rate.
 */
public final class EvaluationReport {

	private final List<CrossValidation.Prediction> predictions;

	public EvaluationReport(List<CrossValidation.Prediction> predictions) {
		this.predictions = List.copyOf(predictions);
	}

	/** Share of out-of-scope examples the bot declined. */
	public double outOfScopeDeclineRate() {
		return rate(p -> Intent.OUT_OF_SCOPE.equals(p.gold()), p -> Intent.OUT_OF_SCOPE.equals(p.predicted()));
	}

	/** Share of in-scope examples answered with the right intent. */
	public double inScopeAccuracy() {
		return rate(p -> !Intent.OUT_OF_SCOPE.equals(p.gold()), p -> p.gold().equals(p.predicted()));
	}

	/** Macro-averaged F1 over all intents including the out-of-scope class. */
	public double macroF1() {
		return labels().stream().mapToDouble(l -> f1(l)).average().orElse(0);
	}

	public double f1(String label) {
		double p = precision(label);
		double r = recall(label);
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	public double precision(String label) {
		long predicted = predictions.stream().filter(p -> label.equals(p.predicted())).count();
		long right = predictions.stream().filter(p -> label.equals(p.predicted()) && label.equals(p.gold())).count();
		return predicted == 0 ? 0 : (double) right / predicted;
	}

	public double recall(String label) {
		long gold = predictions.stream().filter(p -> label.equals(p.gold())).count();
		long right = predictions.stream().filter(p -> label.equals(p.predicted()) && label.equals(p.gold())).count();
		return gold == 0 ? 0 : (double) right / gold;
	}

	public void print(PrintStream out) {
		out.printf("Cross-validation: %d examples%n", predictions.size());
		out.printf("%-28s %9s %9s %9s %8s%n", "intent", "precision", "recall", "f1", "support");
		for (String label : labels()) {
			long support = predictions.stream().filter(p -> label.equals(p.gold())).count();
			out.printf("%-28s %9.3f %9.3f %9.3f %8d%n", label, precision(label), recall(label), f1(label), support);
		}
		out.printf("macro F1 %.3f, in-scope accuracy %.3f, out-of-scope decline rate %.3f%n", macroF1(),
				inScopeAccuracy(), outOfScopeDeclineRate());
		Map<String, Long> confusions = predictions.stream()
			.filter(p -> !p.gold().equals(p.predicted()))
			.collect(
					Collectors.groupingBy(p -> p.gold() + " -> " + p.predicted(), TreeMap::new, Collectors.counting()));
		out.println("Confusions (gold -> predicted: count):");
		confusions.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(30)
			.forEach(e -> out.printf("  %s: %d%n", e.getKey(), e.getValue()));
	}

	private TreeSet<String> labels() {
		return predictions.stream()
			.map(CrossValidation.Prediction::gold)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private double rate(java.util.function.Predicate<CrossValidation.Prediction> of,
			java.util.function.Predicate<CrossValidation.Prediction> ok) {
		List<CrossValidation.Prediction> subset = predictions.stream().filter(of).toList();
		return subset.isEmpty() ? 1 : (double) subset.stream().filter(ok).count() / subset.size();
	}

}
