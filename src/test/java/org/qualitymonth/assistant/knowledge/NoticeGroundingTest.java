package org.qualitymonth.assistant.knowledge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeGroundingTest {

	private final NoticeGrounding grounding = new NoticeGrounding(
			"联系人：市场监管总局质量发展局 蔡煜刚\n电 话：010-82262033、82260120（传真）\n邮 箱：caiyugang@samr.gov.cn\n"
					+ "主题是：“建设质量强国 决胜全面小康”。国市监质〔2020〕133号 成文日期：2020年08月14日");

	@Test
	void acceptsFactsThatOccurVerbatim() {
		assertThat(grounding.ungroundedFacts(
				"主题是“建设质量强国 决胜全面小康”，电话010-82262033，邮箱caiyugang@samr.gov.cn，文号国市监质〔2020〕133号，2020年08月14日印发。", List.of()))
			.isEmpty();
	}

	@Test
	void flagsAWrongPhoneNumber() {
		assertThat(grounding.ungroundedFacts("电话：010-82262034", List.of())).containsExactly("010-82262034");
	}

	@Test
	void flagsAQuotationNotInTheNotice() {
		assertThat(grounding.ungroundedFacts("主题是“质量第一 安全至上”", List.of())).containsExactly("质量第一 安全至上");
	}

	@Test
	void flagsAWrongEmailAndDate() {
		assertThat(grounding.ungroundedFacts("邮箱 cai@samr.gov.cn，2020年09月01日", List.of())).contains("cai@samr.gov.cn",
				"2020年09月01日");
	}

	@Test
	void flagsAWrongDocumentNumber() {
		assertThat(grounding.ungroundedFacts("文号：国市监质〔2020〕134号", List.of())).contains("国市监质〔2020〕134号");
	}

	@Test
	void acceptsDeclaredPublicInformation() {
		assertThat(grounding.ungroundedFacts("（公开信息）网址 www.12315.cn", List.of("www.12315.cn"))).isEmpty();
		assertThat(grounding.ungroundedFacts("网址 www.12315.cn", List.of())).containsExactly("www.12315.cn");
	}

	@Test
	void flagsAMisspelledContactName() {
		assertThat(grounding.ungroundedFacts("联系人：蔡宇刚", List.of())).containsExactly("蔡宇刚");
		assertThat(grounding.ungroundedFacts("联系人：市场监管总局质量发展局 蔡煜刚", List.of())).isEmpty();
	}

	@Test
	void doesNotMistakeOrdinaryPhrasesForNames() {
		assertThat(grounding.ungroundedFacts("联系方式和电话见下；第三项是监管；安全和向社会公开", List.of())).isEmpty();
	}

}
