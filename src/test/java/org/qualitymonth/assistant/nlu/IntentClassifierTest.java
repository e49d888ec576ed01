package org.qualitymonth.assistant.nlu;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import org.qualitymonth.assistant.knowledge.Intent;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Trained on a few hand-written examples of three intents and of off-topic questions,
 * then asked in wordings it was not trained on.
 */
class IntentClassifierTest {

	private static final Map<String, List<String>> EXAMPLES = Map.of("theme",
			List.of("质量月的主题是什么", "今年活动主题是啥", "活动的主题口号", "这次质量月围绕什么主题", "告诉我本次活动的主题", "主题词是什么"), "dates",
			List.of("质量月什么时候开始", "活动时间是哪几天", "几月份举办", "活动从什么时候到什么时候", "质量月在几月", "开始和结束的日期"), "contact",
			List.of("联系人是谁", "联系电话是多少", "有问题找谁咨询", "邮箱地址是什么", "怎么联系主办方", "咨询电话"), Intent.OUT_OF_SCOPE,
			List.of("明天天气怎么样", "推荐一部好看的电影", "股票会涨吗", "红烧肉怎么做", "你会唱歌吗", "今天吃什么"));

	private static List<Map.Entry<String, String>> examples;

	private static IntentClassifier classifier;

	/**
	 * OpenNLP logs every training iteration; without Spring's logging settings (opennlp:
	 * warn) nothing quiets it.
	 */
	private static final Logger OPENNLP = (Logger) LoggerFactory.getLogger("opennlp");

	private static Level openNlpLevel;

	@BeforeAll
	static void train() {
		openNlpLevel = OPENNLP.getLevel();
		OPENNLP.setLevel(Level.WARN);
		examples = new ArrayList<>();
		EXAMPLES.keySet()
			.stream()
			.sorted()
			.forEach(id -> EXAMPLES.get(id).forEach(e -> examples.add(Map.entry(id, e))));
		classifier = IntentClassifier.train(examples, NluSettings.defaults());
	}

	@AfterAll
	static void restoreLogging() {
		OPENNLP.setLevel(openNlpLevel);
	}

	@ParameterizedTest
	@CsvSource({ "质量月活动的主题是什么呀, theme", "质量月几号开始, dates", "活动什么时候结束, dates", "我想打电话咨询，号码多少, contact", "找谁联系, contact" })
	void classifiesWordingsItWasNotTrainedOnToTheirIntent(String question, String intent) {
		Classification c = classifier.classify(question);
		assertThat(c.top().intent()).isEqualTo(intent);
		assertThat(c.outOfScope()).isLessThan(0.5);
	}

	@Test
	void anOffTopicQuestionLooksOutOfScope() {
		Classification c = classifier.classify("这周末天气怎么样");
		assertThat(c.outOfScope()).isGreaterThan(0.5);
		assertThat(c.outOfScopeSimilarity()).isGreaterThan(c.inScopeSimilarity());
	}

	@Test
	void ranksEveryAnswerableIntentOnceMostProbableFirstWithProbabilitiesSummingToOne() {
		List<Candidate> ranked = classifier.classify("质量月的电话").ranked();
		assertThat(ranked).extracting(Candidate::intent).containsExactlyInAnyOrder("theme", "dates", "contact");
		assertThat(ranked).isSortedAccordingTo(Comparator.comparingDouble(Candidate::probability).reversed());
		assertThat(ranked.stream().mapToDouble(Candidate::probability).sum()).isCloseTo(1.0, within(1e-9));
		assertThat(ranked).allSatisfy(x -> assertThat(x.probability()).isBetween(0.0, 1.0));
	}

	@Test
	void aTrainingExampleIsItsOwnNearestExample() {
		Classification c = classifier.classify("联系电话是多少");
		Candidate contact = c.ranked().stream().filter(x -> x.intent().equals("contact")).findFirst().orElseThrow();
		assertThat(contact.similarity()).isCloseTo(1.0, within(1e-9));
		assertThat(c.outOfScopeSimilarity()).isLessThan(1.0);
	}

	@Test
	void textWithNothingToClassifyIsCertainlyOffTopic() {
		assertThat(classifier.classify("？！……")).isEqualTo(Classification.empty());
		assertThat(classifier.classify("")).isEqualTo(Classification.empty());
	}

	@Test
	void aQuestionAboutAnotherYearIsNeverInScope() {
		assertThat(classifier.classify("2019年质量月的主题是什么").outOfScope()).isEqualTo(1.0);
		assertThat(classifier.classify("2020年质量月的主题是什么").outOfScope()).isLessThan(0.5);
		assertThat(classifier.classify("2019年和2020年质量月的主题").outOfScope()).isLessThan(1.0);
	}

	@Test
	void normalisesTheTextBeforeClassifying() {
		assertThat(classifier.classify("  質量月的主題是什麼？ ")).isEqualTo(classifier.classify("质量月的主题是什么"));
	}

	@Test
	void trainingTwiceOnTheSameExamplesGivesTheSameAnswers() {
		IntentClassifier again = IntentClassifier.train(examples, NluSettings.defaults());
		for (String question : List.of("质量月几号开始", "这周末天气怎么样", "质量月的电话")) {
			assertThat(again.classify(question)).isEqualTo(classifier.classify(question));
		}
	}

	@Test
	void trainsOnEveryExampleOfAKnowledgeBaseIncludingTheOffTopicOnes() {
		List<Intent> intents = EXAMPLES.keySet()
			.stream()
			.sorted()
			.map(id -> new Intent(id, id, null, "答案", EXAMPLES.get(id), List.of(), List.of(),
					new Intent.Origin("test.yaml", 1)))
			.toList();
		IntentClassifier fromKnowledge = IntentClassifier.train(new KnowledgeBase("test", Instant.EPOCH, intents),
				NluSettings.defaults());
		for (String question : List.of("质量月几号开始", "这周末天气怎么样")) {
			assertThat(fromKnowledge.classify(question)).isEqualTo(classifier.classify(question));
		}
	}

	@Test
	void skipsExamplesWithNothingToLearnFrom() {
		List<Map.Entry<String, String>> withPunctuation = new ArrayList<>(examples);
		withPunctuation.add(Map.entry("theme", "？？"));
		IntentClassifier trained = IntentClassifier.train(withPunctuation, NluSettings.defaults());
		assertThat(trained.classify("质量月几号开始")).isEqualTo(classifier.classify("质量月几号开始"));
	}

}
