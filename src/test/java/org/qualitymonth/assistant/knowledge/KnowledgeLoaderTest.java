package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeLoaderTest {

	private static final String OUT_OF_SCOPE = """
			- id: out_of_scope
			  answer: 抱歉
			  examples: [天气, 唱歌]
			""";

	@TempDir
	Path dir;

	private final KnowledgeLoader loader = new KnowledgeLoader(new NoticeGrounding("电话：010-82262033"), 2,
			Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

	@Test
	void loadsEveryFileIntoOneSnapshotWithAContentHash() throws Exception {
		write("a.yaml", "- id: phone\n  answer: 电话010-82262033\n  examples: [电话, 座机]\n");
		write("z.yml", OUT_OF_SCOPE);
		KnowledgeBase kb = loader.load(dir);
		assertThat(kb.intents()).extracting(Intent::id).containsExactly("phone", "out_of_scope");
		assertThat(kb.answerable()).extracting(Intent::id).containsExactly("phone");
		assertThat(kb.exampleCount()).isEqualTo(4);
		assertThat(kb.version()).hasSize(16);
		assertThat(loader.load(dir).version()).isEqualTo(kb.version());
		write("a.yaml", "- id: phone\n  answer: 电话010-82262033。\n  examples: [电话, 座机]\n");
		assertThat(loader.load(dir).version()).isNotEqualTo(kb.version());
	}

	@Test
	void rejectsTheWholeDirectoryForOneBadFile() throws Exception {
		write("a.yaml", "- id: phone\n  answer: 电话010-82262033\n  examples: [电话, 座机]\n");
		write("b.yaml", "- id: broken\n  answer: [\n");
		write("z.yml", OUT_OF_SCOPE);
		assertThatThrownBy(() -> loader.load(dir)).isInstanceOfSatisfying(InvalidKnowledgeException.class,
				ex -> assertThat(ex.problems()).singleElement().extracting(Problem::file).isEqualTo("b.yaml"));
	}

	@Test
	void reportsDuplicateIdsDuplicateExamplesFewExamplesUngroundedFactsAndUnknownLinks() throws Exception {
		write("a.yaml", """
				- id: phone
				  answer: 电话010-82262099
				  examples: [电话, 座机]
				  related: [nowhere]
				- id: mobile
				  answer: 电话010-82262033
				  examples: [电话！]
				""");
		write("z.yml", OUT_OF_SCOPE);
		assertThatThrownBy(() -> loader.load(dir)).isInstanceOfSatisfying(InvalidKnowledgeException.class,
				ex -> assertThat(ex.problems()).extracting(Problem::english)
					.anySatisfy(m -> assertThat(m).contains("appears under both"))
					.anySatisfy(m -> assertThat(m).contains("has 1 examples"))
					.anySatisfy(m -> assertThat(m).contains("010-82262099"))
					.anySatisfy(m -> assertThat(m).contains("related names \"nowhere\"")));
	}

	@Test
	void reportsADuplicateIdOnceEvenWhenItsCopyRepeatsTheExamplesAndLinksBreak() throws Exception {
		write("a.yaml", """
				- id: phone
				  answer: 电话010-82262033
				  examples: [电话, 座机]
				- id: phone
				  answer: 电话010-82262033
				  examples: [电话, 座机]
				- id: fax
				  answer: 传真
				  examples: [传真, 传真号]
				  related: [mobile]
				""");
		write("z.yml", OUT_OF_SCOPE);
		assertThatThrownBy(() -> loader.load(dir)).isInstanceOfSatisfying(InvalidKnowledgeException.class,
				ex -> assertThat(ex.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
					assertThat(p.line()).isEqualTo(4);
					assertThat(p.english()).contains("Duplicate id \"phone\"", "a.yaml:1", "\"mobile\"");
				}));
	}

	@Test
	void loadsAnAnswerWithAFactNotInTheNoticeButWarns() throws Exception {
		write("a.yaml", "- id: phone\n  answer: 电话010-12345678\n  examples: [电话, 座机]\n");
		write("z.yml", OUT_OF_SCOPE);
		KnowledgeBase kb = loader.load(dir);
		assertThat(kb.intent("phone").answer()).contains("010-12345678");
		assertThat(kb.warnings()).singleElement().satisfies(w -> {
			assertThat(w.isError()).isFalse();
			assertThat(w.file()).isEqualTo("a.yaml");
			assertThat(w.english()).contains("010-12345678");
		});
	}

	@Test
	void requiresAnOutOfScopeIntent() throws Exception {
		write("a.yaml", "- id: phone\n  answer: 电话010-82262033\n  examples: [电话, 座机]\n");
		assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("out_of_scope");
	}

	@Test
	void reportsFilesThatAreNotUtf8() throws Exception {
		Files.write(dir.resolve("gbk.yaml"), "- id: x\n  answer: 电话\n".getBytes("GBK"));
		write("z.yml", OUT_OF_SCOPE);
		assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("UTF-8");
	}

	@Test
	void reportsAnEmptyDirectory() {
		assertThatThrownBy(() -> loader.load(dir)).hasMessageContaining("no .yaml");
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

}
