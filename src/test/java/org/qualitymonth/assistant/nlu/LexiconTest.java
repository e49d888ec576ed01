package org.qualitymonth.assistant.nlu;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.Department;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.knowledge.SpecificAsk;

import static org.assertj.core.api.Assertions.assertThat;

/** The lexicon compiled from the shipped knowledge files. */
class LexiconTest {

	private static Lexicon lexicon;

	private static final TextNormalizer NORMALIZER = new TextNormalizer();

	@BeforeAll
	static void compile() throws Exception {
		KnowledgeBase kb = StandaloneAssistant.load(Path.of("intents"), Path.of("seeds/000_6176395c013b77c3.txt"), 10);
		lexicon = Lexicon.of(kb);
	}

	private static String unanswerable(String question) {
		return lexicon.unanswerable(NORMALIZER.normalize(question)).map(SpecificAsk::id).orElse("none");
	}

	@Test
	void recognisesAsksTheNoticeCannotAnswer() {
		assertThat(unanswerable("电梯困人了应该打什么电话求救")).isEqualTo("emergency");
		assertThat(unanswerable("成都市武侯区市场监管局的电话是多少")).isEqualTo("local_office");
		assertThat(unanswerable("蔡煜刚的手机号是多少")).isEqualTo("contact_private");
		assertThat(unanswerable("12315投诉一般多少天能有结果")).isEqualTo("complaint_progress");
		assertThat(unanswerable("产品质量法第四十九条怎么规定的")).isEqualTo("law_article");
	}

	@Test
	void anotherDocumentNumberIsNotThisNotice() {
		assertThat(unanswerable("国市监质〔2020〕150号是什么文件")).isEqualTo("other_document");
		assertThat(unanswerable("国市监质〔2020〕133号是什么文件")).isEqualTo("none");
		assertThat(unanswerable("12315号码是多少")).isEqualTo("none");
	}

	@Test
	void questionsTheNoticeAnswersAreNotCaught() {
		for (String question : List.of("质量月的主题是什么", "投诉打什么电话", "联系人的邮箱是多少", "搞活动能向企业收费吗", "药店口罩乱涨价有人管吗", "活动总结报给哪里")) {
			assertThat(unanswerable(question)).as(question).isEqualTo("none");
		}
	}

	@Test
	void departmentsAreFoundByEverydayAndOldNames() {
		assertThat(lexicon.departments(NORMALIZER.normalize("发改委参加了吗"))).extracting(Department::name)
			.containsExactly("国家发展改革委");
		assertThat(lexicon.departments(NORMALIZER.normalize("央行和质检总局呢"))).extracting(Department::name)
			.containsExactly("人民银行", "市场监管总局");
		Department education = lexicon.departments("教育部是主办单位吗").get(0);
		assertThat(education.organizer()).isFalse();
		assertThat(lexicon.asksParticipation("教育部是主办单位吗")).isTrue();
		assertThat(lexicon.asksParticipation("公安部开展了哪些宣传")).isFalse();
	}

	@Test
	void factsAskedTogetherAndByTheirSound() {
		assertThat(lexicon.facts("通知的成文日期和发布日期")).extracting(f -> f.fact().answer())
			.containsExactly("成文日期是2020年08月14日（落款为2020年8月14日）。", "发布日期是2020年08月20日。");
		// a pinyin typo: 油箱 sounds like 邮箱
		List<Lexicon.FactAsk> typo = lexicon.facts("质量月的油箱地址是多少");
		assertThat(typo).extracting(f -> f.intent().id()).containsExactly("contact_email");
		assertThat(typo.get(0).exact()).isFalse();
		// of two words of the same length, the earlier one counts: 签发 (written), not 发的
		// (published)
		assertThat(lexicon.facts("啥时候写好签发的")).extracting(f -> f.fact().answer()).last().asString().startsWith("成文日期");
	}

	@Test
	void aNamedSubjectShiftsTheRankingTowardsItsIntent() {
		Classification c = new Classification(
				List.of(new Candidate("overview", 0.6, 0.3), new Candidate("publicity_events", 0.2, 0.3)), 0.1, 0.1);
		Classification emphasised = lexicon.emphasise(c, "质量月有跟电梯有关的活动吗");
		assertThat(emphasised.top().intent()).isEqualTo("publicity_events");
		assertThat(emphasised.outOfScope()).isEqualTo(c.outOfScope());
		assertThat(lexicon.emphasise(c, "质量月有哪些活动")).isEqualTo(c);
	}

}
