package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each mistake staff really made in the shipped files, one at a time: exactly one
 * message, in Chinese first, naming the line to fix. Lines refer to
 * {@code intents/80_contact.yaml}.
 */
class ValidationMessagesTest {

	private static final String FILE = "80_contact.yaml";

	@TempDir
	Path dir;

	private KnowledgeLoader loader;

	@BeforeEach
	void copyShippedFiles() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("intents"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				Files.copy(file, dir.resolve(file.getFileName()));
			}
		}
		// the mistakes are made in a fixed copy of the contact file, so that the line
		// numbers below do not move
		// whenever staff edit the shipped one
		Files.copy(Path.of("src/test/resources/validation", FILE), dir.resolve(FILE),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		String notice = Files.readString(Path.of("seeds/000_6176395c013b77c3.txt"), StandardCharsets.UTF_8);
		loader = new KnowledgeLoader(new NoticeGrounding(notice), 10, Clock.systemUTC());
		assertThat(line(20)).isEqualTo("      - 联系人");
	}

	@Test
	void unclosedQuoteIsReportedOnItsOwnLineNotAtTheEndOfTheFile() throws IOException {
		edit(20, l -> "      - \"联系人");
		Problem p = onlyError();
		assertThat(p.line()).isEqualTo(20);
		assertThat(p.chinese()).contains("第 20 行第 9 列的引号没有结束引号", "20 |       - \"联系人", "补上同样的引号")
			.doesNotContain("found", "scanning");
	}

	@Test
	void unclosedQuoteClosedByALaterQuoteStillPointsAtTheOpeningLine() throws IOException {
		edit(20, l -> "      - \"联系人");
		edit(25, l -> "      - \"对接人是哪位\"");
		Problem p = onlyError();
		assertThat(p.line()).isEqualTo(20);
		assertThat(p.chinese()).contains("引号没有结束引号");
	}

	@Test
	void tabIndentationNamesTheTab() throws IOException {
		edit(21, l -> "\t" + l.stripLeading());
		Problem p = onlyError();
		assertThat(p.line()).isEqualTo(21);
		assertThat(p.chinese()).contains("Tab", "21 | →- 负责人是谁", "换成空格").doesNotContain("cannot start any token");
	}

	@Test
	void colonInsideAnExampleAsksForQuotes() throws IOException {
		edit(21, l -> "      - 电话: 多少");
		Problem p = onlyError();
		assertThat(p.line()).isEqualTo(21);
		assertThat(p.chinese()).contains("问法“电话: 多少”", "- \"电话: 多少\"").doesNotContain("应当是一段文字");
	}

	@Test
	void colonInsideATitleIsExplainedAsAColon() throws IOException {
		edit(14, l -> "    title: 联系人: 蔡煜刚");
		Problem p = onlyError();
		assertThat(p.line()).isEqualTo(14);
		assertThat(p.chinese()).contains("冒号+空格", "加上英文双引号");
	}

	@Test
	void wrongIndentationOfAFieldPointsAtThatLine() throws IOException {
		edit(16, l -> l.substring(1));
		Problem p = onlyError();
		assertThat(p.line()).isEqualTo(16);
		assertThat(p.chinese()).contains("第 16 行的缩进不对", "左对齐").doesNotContain("block");
	}

	@Test
	void duplicateIdFromARenameIsOneMessageNamingTheBrokenLinks() throws IOException {
		edit(13, l -> l.replace("contact_person", "contact_phone"));
		Problem p = onlyError();
		assertThat(p.chinese()).contains("id“contact_phone”重复", "80_contact.yaml:13", "“contact_person”已不存在");
	}

	@Test
	void copiedIntentWithTheSameIdIsOneMessage() throws IOException {
		List<String> lines = lines();
		List<String> copy = new ArrayList<>(lines.subList(12, 53));
		List<String> edited = new ArrayList<>(lines);
		edited.add("");
		edited.addAll(copy);
		Files.write(dir.resolve(FILE), edited, StandardCharsets.UTF_8);
		Problem p = onlyError();
		assertThat(p.chinese()).contains("id“contact_person”重复").doesNotContain("related");
		assertThat(p.line()).isEqualTo(lines.size() + 2);
	}

	@Test
	void exampleMergedByOneSpaceTooManyIsAWarningWithItsLine() throws Exception {
		edit(21, l -> " " + l);
		KnowledgeBase kb = loader.load(dir);
		assertThat(kb.warnings()).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo(FILE);
			assertThat(p.line()).isEqualTo(21);
			assertThat(p.chinese()).contains("第 21 行的问法“负责人是谁”被并进了上一条问法", "“联系人 - 负责人是谁”");
		});
	}

	@Test
	void shippedFilesHaveNoMergedExamples() throws Exception {
		assertThat(loader.load(dir).warnings()).isEmpty();
	}

	private Problem onlyError() {
		InvalidKnowledgeException ex = catchThrowableOfType(InvalidKnowledgeException.class, () -> loader.load(dir));
		assertThat(ex).as("the edit must be rejected").isNotNull();
		assertThat(ex.problems()).as("one mistake, one message").hasSize(1);
		Problem p = ex.problems().get(0);
		assertThat(p.isError()).isTrue();
		assertThat(p.file()).isEqualTo(FILE);
		return p;
	}

	private String line(int number) throws IOException {
		return lines().get(number - 1);
	}

	private List<String> lines() throws IOException {
		return Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
	}

	private void edit(int number, UnaryOperator<String> change) throws IOException {
		List<String> lines = new ArrayList<>(lines());
		lines.set(number - 1, change.apply(lines.get(number - 1)));
		Files.write(dir.resolve(FILE), lines, StandardCharsets.UTF_8);
	}

}
