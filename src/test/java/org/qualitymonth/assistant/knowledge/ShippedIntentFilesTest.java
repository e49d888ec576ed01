package org.qualitymonth.assistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The intent files in the repository: valid, grounded in the notice, and covering it. */
class ShippedIntentFilesTest {

	private static final Path NOTICE = Path.of("seeds/000_6176395c013b77c3.txt");

	private static String notice;

	private static KnowledgeBase kb;

	@BeforeAll
	static void load() throws Exception {
		notice = Files.readString(NOTICE, StandardCharsets.UTF_8);
		kb = new KnowledgeLoader(new NoticeGrounding(notice), 10, Clock.systemUTC()).load(Path.of("intents"));
	}

	@Test
	void seedIsTheSharedNoticeByteForByte() throws Exception {
		Path shared = Path.of("../shared/seeds/000_6176395c013b77c3.txt");
		if (Files.exists(shared)) {
			assertThat(Files.readAllBytes(NOTICE)).isEqualTo(Files.readAllBytes(shared));
		}
		assertThat(notice).contains("国市监质〔2020〕133号", "建设质量强国 决胜全面小康");
	}

	@Test
	void loadWithoutWarnings() {
		assertThat(kb.warnings()).isEmpty();
	}

	@Test
	void everyAnswersQuotedFactsOccurVerbatimInTheNotice() {
		NoticeGrounding grounding = new NoticeGrounding(notice);
		for (Intent intent : kb.answerable()) {
			assertThat(grounding.ungroundedFacts(intent.answer(), intent.publicInfo())).as(intent.id()).isEmpty();
			for (String info : intent.publicInfo()) {
				assertThat(intent.answer()).as("public info is stated in " + intent.id()).contains(info);
			}
		}
	}

	@Test
	void keyFactsAreAnsweredSomewhere() {
		String all = String.join("\n", kb.answerable().stream().map(Intent::answer).toList());
		assertThat(all).contains("建设质量强国 决胜全面小康", "2020年9月", "国市监质〔2020〕133号", "蔡煜刚", "010-82262033", "82260120",
				"caiyugang@samr.gov.cn", "12315", "电梯安全宣传周", "有机产品认证宣传周", "服务认证体验周", "检验检测机构开放日", "校园食品安全守护行动", "保健食品",
				"特种设备", "监督抽查", "口罩", "价格", "放心消费", "集贸市场计量专项检查", "计量服务中小企业行", "直通车", "标准化咨询", "一站式", "质量云课堂", "质量开放日",
				"质量管理体系升级行动", "精准扶贫", "八项规定", "摊派");
		for (String department : new String[] { "市场监管总局", "中央宣传部", "国家发展改革委", "科技部", "工业和信息化部", "公安部", "生态环境部",
				"住房和城乡建设部", "交通运输部", "农业农村部", "商务部", "文化和旅游部", "国家卫生健康委", "人民银行", "国务院国资委", "海关总署" }) {
			assertThat(kb.intent("organizers").answer()).contains(department);
		}
	}

	@Test
	void everyIntentHasTenVariedExamplesATitleAndMostHaveASource() {
		for (Intent intent : kb.intents()) {
			assertThat(intent.examples()).as(intent.id()).hasSizeGreaterThanOrEqualTo(10);
			assertThat(intent.title()).as(intent.id()).isNotBlank();
		}
		assertThat(kb.answerable().stream().filter(i -> i.source() != null).count())
			.isGreaterThan(kb.answerable().size() * 3 / 4);
		assertThat(kb.outOfScope().examples()).hasSizeGreaterThanOrEqualTo(300);
	}

	@Test
	void answersAreShortEnoughForAPhone() {
		for (Intent intent : kb.intents()) {
			assertThat(intent.answer().replaceAll("\\s+", "").length()).as(intent.id()).isLessThanOrEqualTo(400);
		}
	}

}
