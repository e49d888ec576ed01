package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The department list and the unanswerable asks: read beside the intents and validated
 * like them.
 */
class CatalogueFilesTest {

	private static final String NOTICE = "市场监管总局 中央宣传部 联系人：蔡煜刚 电话：010-82262033 文号：国市监质〔2020〕133号";

	private static final String INTENTS = """
			intents:
			  - id: organizers
			    answer: 市场监管总局等16个部门。
			    examples: [谁主办, 主办单位]
			    facts:
			      - asks: [几个部门]
			        answer: 16个部门。
			  - id: contact
			    answer: 联系人：蔡煜刚，电话010-82262033。
			    examples: [联系人, 找谁]
			  - id: out_of_scope
			    answer: 抱歉
			    examples: [天气, 唱歌]
			""";

	private static final String DEPARTMENTS = """
			departments:
			  intent: organizers
			  source: 落款
			  yes: 是的，{name}是主办单位之一。
			  no: "{name}不在名单中。"
			  asks: [参加, 主办]
			  organizers:
			    - name: 市场监管总局
			      aliases: [市监总局, 质检总局]
			    - name: 中央宣传部
			      aliases: [中宣部]
			  others:
			    - name: 教育部
			      aliases: [教委]
			""";

	private static final String SPECIFICS = """
			specifics:
			  - id: emergency
			    when:
			      - [着火, 被困]
			    reply: 通知没有写紧急求助电话；通知的电话010-82262033是办公电话。
			    suggest: [contact]
			""";

	@TempDir
	Path dir;

	private final KnowledgeLoader loader = new KnowledgeLoader(new NoticeGrounding(NOTICE), 2, Clock.systemUTC());

	@BeforeEach
	void intents() throws IOException {
		write("10_intents.yaml", INTENTS);
	}

	@Test
	void loadsDepartmentsAndAsksBesideTheIntents() throws Exception {
		write("92_departments.yaml", DEPARTMENTS);
		write("95_specifics.yaml", SPECIFICS);
		KnowledgeBase kb = loader.load(dir);
		assertThat(kb.departments().organizers()).extracting(Department::name).containsExactly("市场监管总局", "中央宣传部");
		assertThat(kb.departments().departments()).filteredOn(d -> !d.organizer())
			.extracting(Department::name)
			.containsExactly("教育部");
		assertThat(kb.specifics()).singleElement().satisfies(s -> {
			assertThat(s.id()).isEqualTo("emergency");
			assertThat(s.when()).containsExactly(List.of("着火", "被困"));
			assertThat(s.suggest()).containsExactly("contact");
		});
		assertThat(kb.intent("organizers").facts()).singleElement().extracting(Fact::answer).isEqualTo("16个部门。");
		assertThat(kb.warnings()).isEmpty();
	}

	@Test
	void anOrganiserNotNamedAsInTheNoticeIsAnError() throws Exception {
		write("92_departments.yaml", DEPARTMENTS.replace("name: 中央宣传部", "name: 中宣部办公厅"));
		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("92_departments.yaml");
			assertThat(p.line()).isEqualTo(10);
			assertThat(p.chinese()).contains("中宣部办公厅", "通知原文中找不到");
		});
	}

	@Test
	void oneShortNameForTwoDepartmentsIsAnError() throws Exception {
		write("92_departments.yaml", DEPARTMENTS.replace("aliases: [教委]", "aliases: [中宣部]"));
		assertThat(problems()).anySatisfy(p -> assertThat(p.chinese()).contains("“中宣部”同时给了两个部门"));
	}

	@Test
	void aRuleWithoutWordGroupsOrWithABadPatternIsAnErrorWithItsLine() throws Exception {
		write("95_specifics.yaml", SPECIFICS.replace("      - [着火, 被困]\n", "      - 着火\n"));
		assertThat(problems()).anySatisfy(p -> {
			assertThat(p.line()).isEqualTo(4);
			assertThat(p.chinese()).contains("when 应当是若干组词语");
		});
		write("95_specifics.yaml", SPECIFICS.replace("[着火, 被困]", "[\"re:第(\"]"));
		assertThat(problems()).anySatisfy(p -> assertThat(p.chinese()).contains("正则表达式", "re:第("));
	}

	@Test
	void aSuggestionOfNoIntentAndAnUnknownFieldAreErrors() throws Exception {
		write("95_specifics.yaml", SPECIFICS.replace("suggest: [contact]", "suggest: [contacts]"));
		assertThat(problems()).extracting(Problem::english).anySatisfy(m -> assertThat(m).contains("\"contacts\""));
		write("95_specifics.yaml", SPECIFICS.replace("suggest: [contact]", "suggest: [contact]\n    replay: x"));
		assertThat(problems()).extracting(Problem::english)
			.anySatisfy(m -> assertThat(m).contains("Unknown field \"replay\""));
	}

	@Test
	void aReplyStatingAFactNotInTheNoticeIsAWarning() throws Exception {
		write("95_specifics.yaml", SPECIFICS.replace("010-82262033是办公电话", "010-12345678是办公电话"));
		KnowledgeBase kb = loader.load(dir);
		assertThat(kb.warnings()).singleElement().satisfies(w -> assertThat(w.chinese()).contains("010-12345678"));
	}

	private List<Problem> problems() {
		InvalidKnowledgeException ex = (InvalidKnowledgeException) org.assertj.core.api.Assertions
			.catchThrowable(() -> loader.load(dir));
		assertThat(ex).isNotNull();
		return ex.problems();
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

}
