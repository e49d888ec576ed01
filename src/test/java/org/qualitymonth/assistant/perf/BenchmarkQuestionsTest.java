package org.qualitymonth.assistant.perf;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.TextNormalizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The question lists the benchmarks and the load test run on (no timing is checked here).
 */
class BenchmarkQuestionsTest {

	private static KnowledgeBase kb;

	@BeforeAll
	static void load() throws Exception {
		kb = StandaloneAssistant.load(Path.of("intents"), Path.of("seeds/000_6176395c013b77c3.txt"), 10);
	}

	@Test
	void makesOneThousandQuestionsThatAreDistinctAfterNormalisation() {
		List<String> questions = BenchmarkQuestions.generate(kb, 1000, BenchmarkQuestions.SEED);
		TextNormalizer normalizer = new TextNormalizer();
		Set<String> normalized = questions.stream().map(normalizer::normalize).collect(Collectors.toSet());
		assertThat(questions).hasSize(1000);
		assertThat(normalized).hasSize(1000).doesNotContain("");
	}

	@Test
	void coversNearlyEveryIntentAndMixesInAFifthOfOffTopicQuestions() {
		List<BenchmarkQuestions.Generated> questions = BenchmarkQuestions.generateLabelled(kb, 1000,
				BenchmarkQuestions.SEED);
		Set<String> intents = questions.stream().map(BenchmarkQuestions.Generated::intent).collect(Collectors.toSet());
		long offTopic = questions.stream().filter(q -> q.intent().equals(Intent.OUT_OF_SCOPE)).count();
		assertThat(intents).containsAll(kb.answerable().stream().map(Intent::id).toList())
			.contains(Intent.OUT_OF_SCOPE);
		assertThat(offTopic).isBetween(150L, 250L);
		assertThat(questions)
			.allSatisfy(q -> assertThat(kb.intent(q.intent()).examples().stream().anyMatch(q.text()::contains)
					|| q.intent().equals(Intent.OUT_OF_SCOPE))
				.isTrue());
	}

	@Test
	void aLongerListStartsWithTheShorterOneSoUnseenQuestionsNeverRepeatTheMix() {
		List<String> thousand = BenchmarkQuestions.generate(kb, 1000, BenchmarkQuestions.SEED);
		List<String> more = BenchmarkQuestions.generate(kb, 3000, BenchmarkQuestions.SEED);
		assertThat(more.subList(0, 1000)).isEqualTo(thousand);
		assertThat(BenchmarkQuestions.generate(kb, 50, 7L)).isNotEqualTo(thousand.subList(0, 50));
	}

	@Test
	void refusesToMakeMoreQuestionsThanTheIntentsAllow() {
		Intent.Origin origin = new Intent.Origin("t.yaml", 1);
		KnowledgeBase tiny = new KnowledgeBase("v1", Instant.EPOCH, List.of(
				new Intent("theme", "主题", null, "主题是……", List.of("主题"), List.of(), List.of(), origin),
				new Intent(Intent.OUT_OF_SCOPE, "其他", null, "抱歉", List.of("天气"), List.of(), List.of(), origin)));
		assertThatThrownBy(() -> BenchmarkQuestions.generate(tiny, 20_000, 1L))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("distinct questions");
	}

	@Test
	void writesQuestionsAsJsonStringLiterals() {
		assertThat(BenchmarkQuestions.jsonString("他说\"质量\"\\月\n")).isEqualTo("\"他说\\\"质量\\\"\\\\月\\n\"");
		assertThat(BenchmarkQuestions.jsonString("a\u0001")).isEqualTo("\"a\\u0001\"");
	}

}
