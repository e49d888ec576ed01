package org.qualitymonth.assistant.nlu;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Nearest training example per intent, by cosine similarity of TF-IDF vectors over
 * hand-written features.
 */
class ExampleIndexTest {

	private static LabelledFeatures example(String intent, String... features) {
		return new LabelledFeatures(intent, List.of(features));
	}

	private final ExampleIndex index = new ExampleIndex(List.of(example("theme", "w=主题", "w=是什么"),
			example("theme", "w=口号", "u=口", "u=号", "w=是什么"), example("theme", "w=活动", "w=主题词"),
			example("dates", "w=时间", "w=是什么"), example("out_of_scope", "w=天气", "w=怎么样")));

	@Test
	void aQuestionWordedLikeAnExampleHasSimilarityOneWithItsIntent() {
		assertThat(index.nearest(List.of("w=时间", "w=是什么")).get("dates")).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void takesTheNearestExampleOfEachIntentWhereverItIs() {
		// the first theme example shares a word with it, the last none
		assertThat(index.nearest(List.of("w=口号", "u=口", "u=号", "w=是什么")).get("theme")).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void everyIntentIsListedWithZeroWhenNothingIsShared() {
		assertThat(index.nearest(List.of("w=天气", "w=怎么样"))).containsOnlyKeys("theme", "dates", "out_of_scope")
			.containsEntry("theme", 0.0)
			.containsEntry("dates", 0.0);
	}

	@Test
	void aPartlySharedQuestionLiesStrictlyBetweenZeroAndOne() {
		Map<String, Double> nearest = index.nearest(List.of("w=主题", "w=天气"));
		assertThat(nearest.get("theme")).isStrictlyBetween(0.0, 1.0);
		assertThat(nearest.get("out_of_scope")).isStrictlyBetween(0.0, 1.0);
		assertThat(nearest.get("dates")).isZero();
	}

	@Test
	void anUnseenWordMakesAQuestionLessSimilar() {
		double seen = index.nearest(List.of("w=主题", "w=是什么")).get("theme");
		double withUnseen = index.nearest(List.of("w=主题", "w=是什么", "w=火星")).get("theme");
		assertThat(withUnseen).isLessThan(seen).isPositive();
	}

	@Test
	void pinyinAndTrigramFeaturesDoNotCount() {
		ExampleIndex homophones = new ExampleIndex(
				List.of(example("theme", "u=主", "p=zhu", "t=主题是"), example("dates", "u=住", "p=zhu", "t=主题是")));
		assertThat(homophones.nearest(List.of("u=主", "p=zhu", "t=主题是"))).containsEntry("theme", 1.0)
			.containsEntry("dates", 0.0);
	}

	@Test
	void sharingARareWordCountsMoreThanSharingACommonOne() {
		// "是什么" is in three examples, "口号" and each other word in one: the same shape of
		// overlap, different weight
		ExampleIndex weighted = new ExampleIndex(
				List.of(example("slogan", "w=口号", "w=内容"), example("dates", "w=是什么", "w=时间"),
						example("theme", "w=是什么", "w=主题"), example("place", "w=是什么", "w=地点")));
		Map<String, Double> nearest = weighted.nearest(List.of("w=口号", "w=是什么"));
		assertThat(nearest.get("slogan")).isGreaterThan(nearest.get("dates"));
	}

	@Test
	void aQuestionWithoutCountingFeaturesIsCloseToNothing() {
		assertThat(index.nearest(List.of()).values()).containsOnly(0.0);
		assertThat(index.nearest(List.of("p=zhu")).values()).containsOnly(0.0);
	}

	@Test
	void anEmptyIndexKnowsNoIntent() {
		assertThat(new ExampleIndex(List.of()).nearest(List.of("w=主题"))).isEmpty();
	}

}
