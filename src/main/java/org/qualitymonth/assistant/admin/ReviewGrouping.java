package org.qualitymonth.assistant.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.qualitymonth.assistant.chat.ServingKnowledge;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.querylog.UnansweredGroup;
import org.springframework.stereotype.Component;

/**
 * Puts the review list's wordings into groups by meaning: greedily, most asked first,
 * each wording joins the group whose centroid it is most like if that is at least
 * {@link #THRESHOLD}, else starts a group. Fifty wordings of one missing topic become one
 * row with one set of actions.
 */
@Component
class ReviewGrouping {

	/**
	 * Measured on the shipped examples: wordings of one topic (吉祥物, 下雨) score 0.32 to
	 * 0.61 against each other, unrelated off-topic questions at most 0.21.
	 */
	static final double THRESHOLD = 0.28;

	private static final int NEAREST = 3;

	private final ServingKnowledge serving;

	/** The similarity for one knowledge version; rebuilt when the examples change. */
	private final AtomicReference<Map.Entry<String, QuestionSimilarity>> similarity = new AtomicReference<>();

	ReviewGrouping(ServingKnowledge serving) {
		this.serving = serving;
	}

	List<ReviewGroup> group(List<UnansweredGroup> wordings) {
		return group(wordings, similarity());
	}

	static List<ReviewGroup> group(List<UnansweredGroup> wordings, QuestionSimilarity similarity) {
		List<UnansweredGroup> ordered = wordings.stream()
			.sorted(Comparator.comparingLong(UnansweredGroup::count)
				.reversed()
				.thenComparing(UnansweredGroup::lastSeen, Comparator.reverseOrder()))
			.toList();
		List<List<UnansweredGroup>> groups = new ArrayList<>();
		List<Map<String, Double>> centroids = new ArrayList<>();
		for (UnansweredGroup wording : ordered) {
			Map<String, Double> vector = similarity.vector(wording.text());
			int best = -1;
			double bestScore = THRESHOLD;
			for (int i = 0; i < groups.size(); i++) {
				double score = QuestionSimilarity.cosine(vector, unit(centroids.get(i)));
				if (score >= bestScore) {
					best = i;
					bestScore = score;
				}
			}
			if (best < 0) {
				groups.add(new ArrayList<>(List.of(wording)));
				centroids.add(new HashMap<>(vector));
			}
			else {
				groups.get(best).add(wording);
				Map<String, Double> centroid = centroids.get(best);
				vector.forEach((gram, weight) -> centroid.merge(gram, weight, Double::sum));
			}
		}
		return groups.stream()
			.map(ReviewGrouping::summarise)
			.sorted(Comparator.comparingLong(ReviewGroup::count)
				.reversed()
				.thenComparing(ReviewGroup::lastSeen, Comparator.reverseOrder()))
			.toList();
	}

	private static ReviewGroup summarise(List<UnansweredGroup> wordings) {
		long count = wordings.stream().mapToLong(UnansweredGroup::count).sum();
		Map<String, Double> weighted = new HashMap<>();
		for (UnansweredGroup w : wordings) {
			for (UnansweredGroup.IntentShare share : w.topIntents()) {
				weighted.merge(share.intent(), share.probability() * w.count(), Double::sum);
			}
		}
		List<UnansweredGroup.IntentShare> nearest = weighted.entrySet()
			.stream()
			.map(e -> new UnansweredGroup.IntentShare(e.getKey(), e.getValue() / count))
			.sorted(Comparator.comparingDouble(UnansweredGroup.IntentShare::probability).reversed())
			.limit(NEAREST)
			.toList();
		UnansweredGroup first = wordings.get(0);
		return new ReviewGroup(id(first.text()), count, wordings,
				wordings.stream().map(UnansweredGroup::firstSeen).min(Comparator.naturalOrder()).orElseThrow(),
				wordings.stream().map(UnansweredGroup::lastSeen).max(Comparator.naturalOrder()).orElseThrow(), nearest,
				first.status());
	}

	private static Map<String, Double> unit(Map<String, Double> vector) {
		double length = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
		Map<String, Double> unit = new HashMap<>();
		vector.forEach((gram, weight) -> unit.put(gram, length == 0 ? 0 : weight / length));
		return unit;
	}

	/**
	 * Ten hex digits of the representative wording's SHA-256: short enough to read,
	 * stable across requests.
	 */
	static String id(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash).substring(0, 10);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private QuestionSimilarity similarity() {
		KnowledgeBase kb = serving.current().orElse(null);
		String version = kb == null ? "" : kb.version();
		Map.Entry<String, QuestionSimilarity> cached = similarity.get();
		if (cached != null && cached.getKey().equals(version)) {
			return cached.getValue();
		}
		List<String> examples = kb == null ? List.of()
				: kb.intents().stream().map(Intent::examples).flatMap(List::stream).toList();
		QuestionSimilarity built = new QuestionSimilarity(examples);
		similarity.set(Map.entry(version, built));
		return built;
	}

}
