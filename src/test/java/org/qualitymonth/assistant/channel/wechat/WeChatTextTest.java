package org.qualitymonth.assistant.channel.wechat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.context.support.MessageSourceAccessor;

import static org.assertj.core.api.Assertions.assertThat;

class WeChatTextTest {

	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	@Test
	void splitsALongAnswerAtSentenceEndsWithinTheByteLimit() {
		String sentence = "质量月活动由市场监管总局等十六个部门共同开展。";
		String answer = sentence.repeat(40);

		List<String> parts = WeChatText.split(answer, 300);

		assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> {
			assertThat(WeChatText.bytes(p)).isLessThanOrEqualTo(300);
			assertThat(p).endsWith("。");
		});
		assertThat(String.join("", parts)).isEqualTo(answer);
	}

	@Test
	void neverCutsInsideACharacter() {
		String text = "😀".repeat(200);

		List<String> parts = WeChatText.split(text, 201);

		assertThat(parts).allSatisfy(p -> {
			assertThat(WeChatText.bytes(p)).isLessThanOrEqualTo(201);
			assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
		});
		assertThat(String.join("", parts)).isEqualTo(text);
	}

	@Test
	void aShortFactOffersTheWholeParagraphAsTheFirstNumber() {
		Reply fact = new Reply("r3", Outcome.ANSWERED, "contact_fax", 0.9, "传真是82260120。", "通知联系人", List.of(),
				List.of(new Choice("contact_email", "联系邮箱")), List.of(), "q", "v", "传真：82260120。完整联系方式……", "zh",
				"simplified");

		WeChatText.Rendered rendered = new WeChatText(2000, TEXTS).reply(fact);

		assertThat(rendered.numbered()).extracting(Choice::intent).containsExactly("contact_fax", "contact_email");
		assertThat(rendered.parts().get(0)).contains("回复 1 查看：" + TEXTS.getMessage("reply.details"), "回复 2 查看：联系邮箱");
	}

	@Test
	void rendersSourceNumberedChoicesAndTheRatingQuestion() {
		Reply reply = new Reply("r1", Outcome.SUGGESTED, "time", 0.5, "活动在9月开展。", "二、活动时间",
				List.of(new Choice("time", "活动时间"), new Choice("theme", "活动主题")), List.of(), List.of(), "q", "v");

		WeChatText.Rendered rendered = new WeChatText(2000, TEXTS).reply(reply);

		assertThat(rendered.parts()).hasSize(1);
		assertThat(rendered.parts().get(0))
			.isEqualTo("活动在9月开展。\n\n出处：二、活动时间\n\n您是不是想问：\n回复 1 查看：活动时间\n" + "回复 2 查看：活动主题\n\n这个回答对您有帮助吗？请回复“好”或“不好”。");
		assertThat(rendered.numbered()).extracting(Choice::intent).containsExactly("time", "theme");
		assertThat(rendered.replyId()).isEqualTo("r1");
	}

	@Test
	void keepsTheTailTogetherAfterALongAnswer() {
		Reply reply = new Reply("r2", Outcome.ANSWERED, "overview", 0.9, "内容很多。".repeat(150), "三、活动内容", List.of(),
				List.of(new Choice("time", "活动时间")), List.of(), "q", "v");

		List<String> parts = new WeChatText(600, TEXTS).reply(reply).parts();

		assertThat(parts).hasSizeGreaterThan(1)
			.allSatisfy(p -> assertThat(WeChatText.bytes(p)).isLessThanOrEqualTo(600));
		assertThat(parts.get(parts.size() - 1)).contains("出处：三、活动内容").contains("回复 1 查看：活动时间").endsWith("请回复“好”或“不好”。");
	}

}
