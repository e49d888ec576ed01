package org.qualitymonth.assistant.nlu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.qualitymonth.assistant.knowledge.Intent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trained models are kept in a file and read back only for the same examples,
 * settings and code; a file that does not match or is damaged is never served: the models
 * are trained again and the file replaced.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrainedModelCacheTest {

	private static final List<Map.Entry<String, String>> EXAMPLES = List.of(Map.entry("theme", "质量月的主题是什么"),
			Map.entry("theme", "今年活动主题是啥"), Map.entry("theme", "活动的主题口号"), Map.entry("dates", "质量月什么时候开始"),
			Map.entry("dates", "活动时间是哪几天"), Map.entry("dates", "几月份举办"), Map.entry("contact", "联系电话是多少"),
			Map.entry("contact", "有问题找谁咨询"), Map.entry("contact", "怎么联系主办方"), Map.entry(Intent.OUT_OF_SCOPE, "明天天气怎么样"),
			Map.entry(Intent.OUT_OF_SCOPE, "推荐一部好看的电影"), Map.entry(Intent.OUT_OF_SCOPE, "红烧肉怎么做"));

	private static final List<String> QUESTIONS = List.of("质量月几号开始", "这周末天气怎么样", "质量月的电话", "活动主题");

	private static final Logger OPENNLP = (Logger) LoggerFactory.getLogger("opennlp");

	private static Level openNlpLevel;

	@TempDir
	Path directory;

	private final AtomicInteger trainings = new AtomicInteger();

	@BeforeAll
	static void quietTraining() {
		openNlpLevel = OPENNLP.getLevel();
		OPENNLP.setLevel(Level.WARN);
	}

	@AfterAll
	static void restoreLogging() {
		OPENNLP.setLevel(openNlpLevel);
	}

	/** A cache as a new start of the application makes it, counting its trainings. */
	private TrainedModelCache cache(NluSettings settings) {
		return new TrainedModelCache(directory, settings, (examples, s) -> {
			trainings.incrementAndGet();
			return IntentClassifier.trainModels(examples, s);
		});
	}

	private Path file() {
		return directory.resolve(TrainedModelCache.FILE_NAME);
	}

	@Test
	void aSecondStartReadsTheModelsBackInsteadOfTraining() {
		IntentClassifier trained = cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		IntentClassifier read = cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		assertThat(trainings).hasValue(1);
		assertThat(file()).isRegularFile();
		for (String question : QUESTIONS) {
			assertThat(read.classify(question)).isEqualTo(trained.classify(question));
		}
	}

	@Test
	void changedExamplesAreTrainedOnAndReplaceTheFile() {
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		List<Map.Entry<String, String>> edited = new ArrayList<>(EXAMPLES);
		edited.set(0, Map.entry("theme", "质量月的口号是什么"));
		IntentClassifier classifier = cache(NluSettings.defaults()).classifierFor(edited);
		assertThat(trainings).hasValue(2);
		assertThat(classifier.classify("质量月的口号是什么"))
			.isEqualTo(IntentClassifier.train(edited, NluSettings.defaults()).classify("质量月的口号是什么"));
		cache(NluSettings.defaults()).classifierFor(edited);
		assertThat(trainings).hasValue(2);
	}

	@Test
	void anExampleMovedToAnotherIntentIsAChange() {
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		List<Map.Entry<String, String>> moved = new ArrayList<>(EXAMPLES);
		moved.set(2, Map.entry("contact", "活动的主题口号"));
		cache(NluSettings.defaults()).classifierFor(moved);
		assertThat(trainings).hasValue(2);
	}

	@Test
	void otherTrainingSettingsAreAChange() {
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		NluSettings d = NluSettings.defaults();
		NluSettings fewerIterations = new NluSettings(d.algorithm(), 50, d.l2Cost(), d.answerThreshold(),
				d.suggestThreshold(), d.minSimilarity(), d.maxSuggestions(), d.scopeThreshold(), d.similarityWeight(),
				d.confidenceWeight());
		cache(fewerIterations).classifierFor(EXAMPLES);
		assertThat(trainings).hasValue(2);
	}

	@Test
	void decisionThresholdsAreNotAChange() {
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		NluSettings d = NluSettings.defaults();
		NluSettings stricter = new NluSettings(d.algorithm(), d.iterations(), d.l2Cost(), 0.9, d.suggestThreshold(),
				d.minSimilarity(), d.maxSuggestions(), d.scopeThreshold(), d.similarityWeight(), d.confidenceWeight());
		cache(stricter).classifierFor(EXAMPLES);
		assertThat(trainings).hasValue(1);
	}

	@Test
	void aDamagedFileIsNotServedButTrainedAgainAndReplaced(CapturedOutput output) throws IOException {
		IntentClassifier trained = cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		byte[] bytes = Files.readAllBytes(file());
		bytes[bytes.length / 2] ^= 0x5a;
		Files.write(file(), bytes);

		IntentClassifier again = cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		assertThat(trainings).hasValue(2);
		assertThat(output).contains("cannot be read").contains("checksum mismatch");
		for (String question : QUESTIONS) {
			assertThat(again.classify(question)).isEqualTo(trained.classify(question));
		}
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		assertThat(trainings).hasValue(2);
	}

	@Test
	void aTruncatedFileIsTrainedAgain(CapturedOutput output) throws IOException {
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		byte[] bytes = Files.readAllBytes(file());
		Files.write(file(), java.util.Arrays.copyOf(bytes, bytes.length - 100));
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		assertThat(trainings).hasValue(2);
		assertThat(output).contains("cannot be read").contains("truncated");
	}

	@Test
	void aFileThatIsNoModelFileIsTrainedAgain(CapturedOutput output) throws IOException {
		Files.writeString(file(), "not a model");
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		assertThat(trainings).hasValue(1);
		assertThat(output).contains("cannot be read");
		cache(NluSettings.defaults()).classifierFor(EXAMPLES);
		assertThat(trainings).hasValue(1);
	}

	@Test
	void aDirectoryThatCannotBeWrittenStillGivesATrainedClassifier(CapturedOutput output) throws IOException {
		Path notADirectory = Files.writeString(directory.resolve("taken"), "a file where the directory should be");
		TrainedModelCache cache = new TrainedModelCache(notADirectory, NluSettings.defaults());
		assertThat(cache.classifierFor(EXAMPLES).classify("质量月几号开始").top().intent()).isEqualTo("dates");
		assertThat(output).contains("Could not keep the trained models");
	}

}
