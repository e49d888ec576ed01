package org.qualitymonth.assistant.admin;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.querylog.ReviewStatus;
import org.qualitymonth.assistant.querylog.UnansweredGroup;
import org.qualitymonth.assistant.querylog.UnansweredGroup.IntentShare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Grouping the review list by meaning, with the shipped intent examples as the measure of
 * what is common.
 */
class ReviewGroupingTest {

	static final List<String> MASCOT = List.of("质量月有没有吉祥物", "活动的吉祥物是什么", "吉祥物叫什么名字");

	static QuestionSimilarity similarity;

	@BeforeAll
	static void shippedExamples() throws Exception {
		similarity = new QuestionSimilarity(
				StandaloneAssistant.load(Path.of("intents"), Path.of("seeds/000_6176395c013b77c3.txt"), 10)
					.intents()
					.stream()
					.map(Intent::examples)
					.flatMap(List::stream)
					.toList());
	}

	static UnansweredGroup wording(String text, long count, int day, IntentShare... intents) {
		OffsetDateTime at = OffsetDateTime.parse("2020-09-01T10:00:00+08:00").plusDays(day);
		return new UnansweredGroup(text, count, at, at.plusHours(1), List.of("web"), List.of(intents), ReviewStatus.NEW,
				null);
	}

	@Test
	void threeWordingsOfOneMissingTopicAreOneGroupAndUnrelatedQuestionsStayApart() {
		List<ReviewGroup> groups = ReviewGrouping.group(List.of(wording(MASCOT.get(0), 3, 0), wording("附近有什么好吃的", 2, 1),
				wording(MASCOT.get(1), 1, 2), wording("推荐一部好看的电影", 1, 3), wording(MASCOT.get(2), 1, 4),
				wording("明天北京会下雨吗", 1, 5), wording("活动发不发纪念品", 1, 6)), similarity);
		assertThat(groups).hasSize(5);
		ReviewGroup mascot = groups.get(0);
		// most asked first, then most recently asked
		assertThat(mascot.texts()).containsExactly(MASCOT.get(0), MASCOT.get(2), MASCOT.get(1));
		assertThat(mascot.count()).isEqualTo(5);
		assertThat(mascot.firstSeen()).isEqualTo(OffsetDateTime.parse("2020-09-01T10:00:00+08:00"));
		assertThat(mascot.lastSeen()).isEqualTo(OffsetDateTime.parse("2020-09-05T11:00:00+08:00"));
		assertThat(mascot.id()).isEqualTo(ReviewGrouping.id(MASCOT.get(0))).matches("[0-9a-f]{10}");
		assertThat(groups.subList(1, 5)).allSatisfy(g -> assertThat(g.wordings()).hasSize(1));
	}

	@Test
	void sameTopicScoresAboveTheThresholdAndOtherTopicsBelow() {
		assertThat(similarity.similarity(MASCOT.get(0), MASCOT.get(1))).isGreaterThan(ReviewGrouping.THRESHOLD);
		assertThat(similarity.similarity("明天北京会下雨吗", "今天会下雨吗")).isGreaterThan(ReviewGrouping.THRESHOLD);
		assertThat(similarity.similarity("质量月有没有吉祥物", "活动有没有奖品")).isLessThan(ReviewGrouping.THRESHOLD);
		assertThat(similarity.similarity("附近有什么好吃的", "推荐一部好看的电影")).isLessThan(ReviewGrouping.THRESHOLD);
	}

	@Test
	void nearestIntentsAreAveragedOverEveryTimeAWordingWasAsked() {
		List<ReviewGroup> groups = ReviewGrouping
			.group(List.of(wording(MASCOT.get(0), 3, 0, new IntentShare("slogans", 0.4), new IntentShare("theme", 0.2)),
					wording(MASCOT.get(1), 1, 1, new IntentShare("theme", 0.6))), similarity);
		assertThat(groups).singleElement().satisfies(g -> {
			assertThat(g.nearestIntents()).extracting(IntentShare::intent).containsExactly("slogans", "theme");
			assertThat(g.nearestIntents().get(0).probability()).isCloseTo(1.2 / 4, within(1e-9));
			assertThat(g.nearestIntents().get(1).probability()).isCloseTo(1.2 / 4, within(1e-9));
		});
	}

}
