package org.qualitymonth.assistant.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores on one held-out file, per kind of question, the way the shared scorer counts
 * them: kind {@code oos} passes when declined; every other kind ({@code in},
 * {@code long}, {@code trad}, {@code tradreply}, {@code en}, {@code enreply},
 * {@code typo}, {@code dialog}) when answered with the expected facts in at most 400
 * characters. Also counts off-topic questions answered outright (confidently wrong) and
 * the length of answers to single-fact questions.
 */
public final class HeldOutScore {

	/** Categories whose questions ask for one fact (a date, a number, a name). */
	static final Set<String> SINGLE_FACT = Set.of("contact", "document", "docfact", "theme", "time");

	/** What a scorer needs of a reply. */
	public record Answer(boolean answered, boolean outright, String text, String intent) {
	}

	private final String name;

	private final Map<String, int[]> perKind = new TreeMap<>();

	private final List<String> failures = new ArrayList<>();

	private final List<Integer> factAnswerLengths = new ArrayList<>();

	private int offTopicAnsweredOutright;

	private int offTopic;

	HeldOutScore(String name) {
		this.name = name;
	}

	/** Scores every question of a file with {@code ask}. */
	static HeldOutScore of(String name, List<TestQuestion> questions, Function<TestQuestion, Answer> ask) {
		HeldOutScore score = new HeldOutScore(name);
		for (TestQuestion q : questions) {
			score.add(q, ask.apply(q));
		}
		return score;
	}

	void add(TestQuestion q, Answer answer) {
		boolean ok;
		if (q.offTopic()) {
			offTopic++;
			offTopicAnsweredOutright += answer.outright() ? 1 : 0;
			ok = !answer.answered();
		}
		else {
			ok = answer.answered() && TestQuestion.compact(answer.text()).length() <= 400
					&& q.factsFoundIn(answer.text());
			if ("in".equals(q.kind()) && SINGLE_FACT.contains(q.category()) && answer.answered()) {
				factAnswerLengths.add(TestQuestion.compact(answer.text()).length());
			}
		}
		int[] tally = perKind.computeIfAbsent(q.kind(), k -> new int[2]);
		tally[0] += ok ? 1 : 0;
		tally[1]++;
		if (!ok) {
			String got = answer.text() == null ? "" : answer.text().replace('\n', ' ');
			failures.add(String.format("%-9s %-14s %s -> %s %s | %s | expect=%s", q.kind(), q.category(), q.question(),
					answer.answered() ? "answered" : "declined", answer.intent(),
					got.substring(0, Math.min(60, got.length())), q.expect()));
		}
	}

	public String name() {
		return name;
	}

	/** Share passed per kind. */
	public Map<String, Double> rates() {
		Map<String, Double> rates = new TreeMap<>();
		perKind.forEach((kind, t) -> rates.put(kind, (double) t[0] / t[1]));
		return rates;
	}

	public int passed() {
		return perKind.values().stream().mapToInt(t -> t[0]).sum();
	}

	public int total() {
		return perKind.values().stream().mapToInt(t -> t[1]).sum();
	}

	public double overall() {
		return total() == 0 ? 1 : (double) passed() / total();
	}

	/**
	 * Off-topic questions answered outright (not even offered as a choice): the errors
	 * that mislead.
	 */
	public double confidentWrongRate() {
		return offTopic == 0 ? 0 : (double) offTopicAnsweredOutright / offTopic;
	}

	public List<Integer> factAnswerLengths() {
		return List.copyOf(factAnswerLengths);
	}

	public List<String> failures() {
		return List.copyOf(failures);
	}

	/** One line: every kind's passed/total and rate. */
	public String summary() {
		StringBuilder line = new StringBuilder();
		perKind.forEach(
				(kind, t) -> line.append(String.format("%s %d/%d=%.3f  ", kind, t[0], t[1], (double) t[0] / t[1])));
		return line.toString().strip();
	}

	/** Scores of several files together. */
	static HeldOutScore merge(String name, List<HeldOutScore> scores) {
		HeldOutScore all = new HeldOutScore(name);
		for (HeldOutScore s : scores) {
			s.perKind.forEach((kind, t) -> {
				int[] tally = all.perKind.computeIfAbsent(kind, k -> new int[2]);
				tally[0] += t[0];
				tally[1] += t[1];
			});
			all.failures.addAll(s.failures);
			all.factAnswerLengths.addAll(s.factAnswerLengths);
			all.offTopic += s.offTopic;
			all.offTopicAnsweredOutright += s.offTopicAnsweredOutright;
		}
		return all;
	}

	static double median(List<Integer> values) {
		if (values.isEmpty()) {
			return 0;
		}
		List<Integer> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
	}

}
