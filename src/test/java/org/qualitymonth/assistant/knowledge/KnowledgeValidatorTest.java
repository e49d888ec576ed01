package org.qualitymonth.assistant.knowledge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The checks across intents and the catalogue, on intents built in the test: each mistake
 * gives one problem, at the file and line staff must fix, naming what clashes with what.
 */
class KnowledgeValidatorTest {

	private static final String NOTICE = "一、活动主题：“建设质量强国 决胜全面小康”。\n"
			+ "联系人：市场监管总局质量发展局 蔡煜刚 电话：010-82262033 邮箱：caiyugang@samr.gov.cn\n" + "市场监管总局 国家发展改革委 2020年8月14日";

	private static final String GROUNDED = "主题是“建设质量强国 决胜全面小康”，电话010-82262033。";

	private final KnowledgeValidator validator = new KnowledgeValidator(new NoticeGrounding(NOTICE), 2);

	private static Intent intent(String id, String file, int line, List<String> examples, String... related) {
		return new Intent(id, null, null, GROUNDED, examples, List.of(related), List.of(),
				new Intent.Origin(file, line));
	}

	private static Intent outOfScope() {
		// the fallback reply is not an answer from the notice: its facts are not checked
		return new Intent(Intent.OUT_OF_SCOPE, null, null, "请拨打12345。", List.of("天气怎么样", "股票会涨吗"), List.of(), List.of(),
				new Intent.Origin("90_out_of_scope.yaml", 3));
	}

	private static final Intent THEME = intent("theme", "10_basics.yaml", 3, List.of("主题是什么", "活动主题"), "dates");

	private static final Intent DATES = intent("dates", "10_basics.yaml", 20, List.of("什么时候开始", "活动时间"), "theme");

	@Test
	void aConsistentSetHasNoProblem() {
		assertThat(validator.validate(List.of(THEME, DATES, outOfScope()))).isEmpty();
		assertThat(validator.validate(List.of())).isEmpty();
	}

	@Test
	void aCopiedIntentIsOneDuplicateIdAtTheCopyNamingTheOriginal() {
		Intent copy = intent("theme", "30_publicity.yaml", 7, THEME.examples(), "dates");
		Problem p = onlyProblem(validator.validate(List.of(THEME, DATES, copy, outOfScope())));
		assertThat(p.isError()).isTrue();
		assertThat(p.file()).isEqualTo("30_publicity.yaml");
		assertThat(p.line()).isEqualTo(7);
		assertThat(p.chinese()).contains("id“theme”重复", "10_basics.yaml:3");
		assertThat(p.english()).contains("Duplicate id \"theme\"", "10_basics.yaml:3");
	}

	@Test
	void anIdRenamedToATakenOneAlsoNamesTheLinksItBroke() {
		Intent renamed = intent("theme", "10_basics.yaml", 20, DATES.examples(), "theme");
		Problem p = onlyProblem(validator.validate(List.of(THEME, renamed, outOfScope())));
		assertThat(p.line()).isEqualTo(20);
		assertThat(p.chinese()).contains("id“theme”重复", "“dates”已不存在");
	}

	@Test
	void anExampleUnderTwoIntentsIsAnErrorEvenInADifferentSpacingOrPunctuation() {
		Intent dates = intent("dates", "10_basics.yaml", 20, List.of("什么时候开始", "活动 主题？"), "theme");
		Problem p = onlyProblem(validator.validate(List.of(THEME, dates, outOfScope())));
		assertThat(p.isError()).isTrue();
		assertThat(p.line()).isEqualTo(20);
		assertThat(p.chinese()).contains("问法“活动 主题？”", "“theme”和“dates”", "10_basics.yaml:3");
	}

	@Test
	void theSameExampleTwiceInOneIntentIsNoClash() {
		Intent theme = intent("theme", "10_basics.yaml", 3, List.of("主题是什么", "主题是什么？", "活动主题"), "dates");
		assertThat(validator.validate(List.of(theme, DATES, outOfScope()))).isEmpty();
	}

	@Test
	void tooFewExamplesIsAWarningWithTheCounts() {
		Intent theme = intent("theme", "10_basics.yaml", 3, List.of("主题是什么"), "dates");
		Problem p = onlyProblem(validator.validate(List.of(theme, DATES, outOfScope())));
		assertThat(p.isError()).isFalse();
		assertThat(p.line()).isEqualTo(3);
		assertThat(p.chinese()).contains("意图“theme”只有 1 条问法，至少需要 2 条");
	}

	@Test
	void aFactNotInTheNoticeIsAWarningUnlessDeclaredPublic() {
		Intent wrongPhone = new Intent("theme", null, null, "电话：010-82262034", THEME.examples(), List.of("dates"),
				List.of(), THEME.origin());
		Problem p = onlyProblem(validator.validate(List.of(wrongPhone, DATES, outOfScope())));
		assertThat(p.isError()).isFalse();
		assertThat(p.line()).isEqualTo(3);
		assertThat(p.chinese()).contains("“010-82262034”");
		Intent declared = new Intent("theme", null, null, "电话：010-82262034", THEME.examples(), List.of("dates"),
				List.of("010-82262034"), THEME.origin());
		assertThat(validator.validate(List.of(declared, DATES, outOfScope()))).isEmpty();
	}

	@Test
	void theEnglishAnswerAndEachSingleFactAreCheckedToo() {
		Intent theme = new Intent("theme", null, null, GROUNDED, THEME.examples(), List.of("dates"), List.of(),
				THEME.origin(), new Intent.English("Theme", "Call 010-11111111."),
				List.of(new Fact(List.of("电话"), "电话是010-22222222。", "Mail cai@example.org.")), List.of());
		assertThat(validator.validate(List.of(theme, DATES, outOfScope()))).allMatch(p -> !p.isError())
			.extracting(Problem::chinese)
			.hasSize(3)
			.anyMatch(m -> m.contains("010-11111111"))
			.anyMatch(m -> m.contains("010-22222222"))
			.anyMatch(m -> m.contains("cai@example.org"));
	}

	@Test
	void aLinkToAnUnknownIntentIsAnErrorAtTheLinkingIntent() {
		Intent theme = intent("theme", "10_basics.yaml", 3, THEME.examples(), "datse");
		Problem p = onlyProblem(validator.validate(List.of(theme, DATES, outOfScope())));
		assertThat(p.isError()).isTrue();
		assertThat(p.line()).isEqualTo(3);
		assertThat(p.chinese()).contains("related 中的“datse”");
	}

	@Test
	void aSetWithoutTheOutOfScopeIntentIsAnErrorOfTheWholeSet() {
		Problem p = onlyProblem(validator.validate(List.of(THEME, DATES)));
		assertThat(p.isError()).isTrue();
		assertThat(p.file()).isEmpty();
		assertThat(p.line()).isZero();
		assertThat(p.english()).contains("out_of_scope");
	}

	// the department list and the unanswerable asks

	private static final Intent.Origin DEPARTMENTS_AT = new Intent.Origin("92_departments.yaml", 5);

	private static Departments departments(String intent, Department... departments) {
		return new Departments(List.of(departments), List.of("参加"), "是", "不是", null, null, null, intent);
	}

	private static SpecificAsk ask(String id, int line, String reply, List<String> when, String... suggest) {
		return new SpecificAsk(id, List.of(when), List.of(), reply, null, List.of(), List.of(suggest),
				new Intent.Origin("95_specifics.yaml", line));
	}

	private List<Problem> catalogue(Departments departments, SpecificAsk... asks) {
		return validator.validateCatalogue(List.of(THEME, DATES, outOfScope()), departments, List.of(asks));
	}

	@Test
	void aConsistentCatalogueHasNoProblem() {
		// a name repeated within one department is no clash
		Department samr = new Department("市场监管总局", null, List.of("市场监管局", "市场监管局"), true, DEPARTMENTS_AT);
		Department ndrc = new Department("国家发展改革委", null, List.of("发改委"), true, DEPARTMENTS_AT);
		Department health = new Department("国家卫生健康委", null, List.of("卫健委"), false, DEPARTMENTS_AT);
		assertThat(catalogue(departments("theme", samr, ndrc, health),
				ask("local_office", 4, "通知没有写地方办公室的电话。", List.of("办公室", "re:电话|地址"), "theme")))
			.isEmpty();
	}

	@Test
	void anOrganiserMustBeNamedAsInTheNoticeAndANameBelongsToOneDepartment() {
		Department samr = new Department("市场监管总局", null, List.of("总局"), true, DEPARTMENTS_AT);
		Department misnamed = new Department("国家发改委", null, List.of("总局"), true,
				new Intent.Origin("92_departments.yaml", 9));
		assertThat(catalogue(departments("theme", samr, misnamed))).hasSize(2)
			.allMatch(p -> p.isError() && p.line() == 9)
			.extracting(Problem::chinese)
			.anyMatch(m -> m.contains("主办单位“国家发改委”在通知原文中找不到"))
			.anyMatch(m -> m.contains("名称“总局”同时给了两个部门（另一个是“市场监管总局”）"));
	}

	@Test
	void theCatalogueLinksOnlyToIntentsThatExist() {
		Department samr = new Department("市场监管总局", null, List.of(), true, DEPARTMENTS_AT);
		assertThat(catalogue(departments("organisers", samr), ask("hours", 4, "通知没有写。", List.of("几点"), "datse")))
			.extracting(Problem::file, Problem::line, Problem::chinese)
			.containsExactlyInAnyOrder(tuple("92_departments.yaml", 0, "related 中的“organisers”不是已有意图的 id。请检查拼写或删除。"),
					tuple("95_specifics.yaml", 4, "related 中的“datse”不是已有意图的 id。请检查拼写或删除。"));
	}

	@Test
	void anUnanswerableAskIsCheckedForItsIdPatternsAndReplies() {
		SpecificAsk first = ask("hours", 4, "通知没有写。", List.of("几点"));
		SpecificAsk again = new SpecificAsk("hours", List.of(List.of("re:(几点")), List.of(), "请拨打010-12345678。",
				"Call 010-87654321.", List.of(), List.of(), new Intent.Origin("95_specifics.yaml", 12));
		List<Problem> problems = catalogue(Departments.NONE, first, again);
		assertThat(problems).allMatch(p -> p.line() == 12)
			.extracting(Problem::chinese)
			.hasSize(4)
			.anyMatch(m -> m.contains("id“hours”重复，已在 95_specifics.yaml:4 定义过"))
			.anyMatch(m -> m.contains("正则表达式“re:(几点”写错了"))
			.anyMatch(m -> m.contains("“010-12345678”"))
			.anyMatch(m -> m.contains("“010-87654321”"));
	}

	private static Problem onlyProblem(List<Problem> problems) {
		assertThat(problems).hasSize(1);
		return problems.get(0);
	}

}
