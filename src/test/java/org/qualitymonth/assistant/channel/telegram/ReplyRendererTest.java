package org.qualitymonth.assistant.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.channel.telegram.ReplyRenderer.Outgoing;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.context.support.MessageSourceAccessor;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyRendererTest {

	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	private final ReplyRenderer renderer = new ReplyRenderer(TEXTS);

	@Test
	void anAnswerShowsItsSourceRelatedTopicsAndFeedbackButtons() {
		Reply reply = reply(Outcome.ANSWERED, "邮箱：caiyugang@samr.gov.cn。", "通知联系人", List.of(),
				List.of(new Choice("contact_phone", "联系电话"), new Choice("contact_fax", "传真")));

		Outgoing message = single(renderer.reply(reply));

		assertThat(LoopbackBotApi.parse(message.html(), "HTML"))
			.isEqualTo("邮箱：caiyugang@samr.gov.cn。\n\n" + TEXTS.getMessage("reply.sourcePrefix") + "通知联系人");
		assertThat(message.html()).contains("<i>" + TEXTS.getMessage("reply.sourcePrefix") + "通知联系人</i>");
		assertThat(texts(message)).containsExactly("联系电话", "传真", TEXTS.getMessage("telegram.feedback.helpful"),
				TEXTS.getMessage("telegram.feedback.notHelpful"));
		assertThat(data(message)).containsExactly("c:contact_phone", "c:contact_fax", "f:" + reply.id() + ":1",
				"f:" + reply.id() + ":0");
	}

	@Test
	void aShortFactOffersTheWholeParagraphAsItsTopicsButton() {
		Reply fact = new Reply(UUID.randomUUID().toString(), Outcome.ANSWERED, "contact_email", 0.9,
				"邮箱是caiyugang@samr.gov.cn。", "通知联系人", List.of(), List.of(new Choice("contact_fax", "传真")), List.of(),
				"", "v1", "邮箱：caiyugang@samr.gov.cn。完整联系方式……", "zh", "simplified");

		Outgoing message = single(renderer.reply(fact));

		assertThat(texts(message)).startsWith(TEXTS.getMessage("reply.details"), "传真");
		assertThat(data(message)).startsWith("c:contact_email", "c:contact_fax");
		assertThat(texts(renderer.reply(reply(Outcome.ANSWERED, "主题……", "一、活动主题", List.of(), List.of()))))
			.doesNotContain(TEXTS.getMessage("reply.details"));
	}

	private static List<String> texts(List<Outgoing> messages) {
		return texts(single(messages));
	}

	@Test
	void everyDynamicStringIsEscaped() {
		String answer = "价格 < 100 & 质量 > 0，见<附件1>“重点” \"quoted\" *bold* _x_ [a](b).";
		String source = "二、活动内容（四）<b>";
		Reply reply = reply(Outcome.ANSWERED, answer, source, List.of(), List.of());

		Outgoing message = single(renderer.reply(reply));

		assertThat(LoopbackBotApi.parse(message.html(), "HTML"))
			.isEqualTo(answer + "\n\n" + TEXTS.getMessage("reply.sourcePrefix") + source);
		assertThat(message.plain()).isEqualTo(answer + "\n\n" + TEXTS.getMessage("reply.sourcePrefix") + source);
	}

	@Test
	void anUnsureReplyAsksWhetherTheCitizenMeantOneOfTheSuggestions() {
		Reply reply = reply(Outcome.SUGGESTED, "活动时间为2020年9月。", "一、活动时间",
				List.of(new Choice("theme", "活动主题"), new Choice("overview", "活动概况")), List.of());

		Outgoing message = single(renderer.reply(reply));

		assertThat(LoopbackBotApi.parse(message.html(), "HTML")).endsWith(TEXTS.getMessage("reply.suggestPrompt"));
		assertThat(message.keyboard().getKeyboard()).hasSize(3);
		assertThat(texts(message)).startsWith("活动主题", "活动概况").contains(TEXTS.getMessage("telegram.feedback.helpful"));
	}

	@Test
	void aDeclinedQuestionOffersTheMenuAndNoFeedback() {
		Reply reply = new Reply(UUID.randomUUID().toString(), Outcome.DECLINED, null, 0.1, "抱歉，这个问题超出了我的回答范围。", null,
				List.of(new Choice("theme", "活动主题"), new Choice("time", "活动时间"), new Choice("overview", "活动概况")),
				List.of(), List.of(), "", "v1");

		Outgoing message = single(renderer.reply(reply));

		assertThat(message.plain()).isEqualTo("抱歉，这个问题超出了我的回答范围。");
		assertThat(data(message)).containsExactly("c:theme", "c:time", "c:overview");
		assertThat(message.keyboard().getKeyboard()).hasSize(2);
	}

	@Test
	void aLongAnswerIsSplitBelowTelegramsLimitWithTheButtonsUnderTheLastPart() {
		StringBuilder answer = new StringBuilder();
		for (int i = 0; answer.length() < 10_000; i++) {
			answer.append("第").append(i).append("条：质量 & 安全 <重要>。");
			if (i % 7 == 0) {
				answer.append("\n\n");
			}
		}
		Reply reply = reply(Outcome.ANSWERED, answer.toString(), "通知全文", List.of(),
				List.of(new Choice("theme", "活动主题")));

		List<Outgoing> messages = renderer.reply(reply);

		assertThat(messages).hasSizeGreaterThanOrEqualTo(3);
		StringBuilder received = new StringBuilder();
		for (Outgoing message : messages) {
			String parsed = LoopbackBotApi.parse(message.html(), "HTML");
			assertThat(message.html().length()).isLessThanOrEqualTo(TelegramText.MAX_MESSAGE_LENGTH);
			assertThat(parsed).isEqualTo(message.plain());
			received.append(parsed);
		}
		assertThat(received.toString().replace("\n\n" + TEXTS.getMessage("reply.sourcePrefix"), ""))
			.isEqualTo(answer.toString().strip() + "通知全文");
		assertThat(messages.subList(0, messages.size() - 1)).allSatisfy(m -> assertThat(m.keyboard()).isNull());
		assertThat(messages.get(messages.size() - 1).keyboard()).isNotNull();
	}

	@Test
	void welcomeAndMenuCarryTheTopicsTwoToARow() {
		List<Choice> menu = List.of(new Choice("theme", "活动主题"), new Choice("time", "活动时间"),
				new Choice("overview", "活动概况"));

		Outgoing welcome = single(renderer.welcome(menu));
		Outgoing topics = single(renderer.menu(menu));

		assertThat(welcome.plain()).isEqualTo(TEXTS.getMessage("telegram.welcome"));
		assertThat(topics.plain()).isEqualTo(TEXTS.getMessage("telegram.menu"));
		assertThat(welcome.keyboard().getKeyboard()).hasSize(2);
		assertThat(data(topics)).containsExactly("c:theme", "c:time", "c:overview");
	}

	@Test
	void anIntentWhoseIdCannotFitInAButtonIsLeftOutNotSentBroken() {
		List<Choice> menu = List.of(new Choice("theme", "活动主题"), new Choice("x".repeat(70), "太长"));

		Outgoing topics = single(renderer.menu(menu));

		assertThat(data(topics)).containsExactly("c:theme");
		assertThat(data(topics))
			.allSatisfy(d -> assertThat(d.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64));
	}

	private static Reply reply(Outcome outcome, String answer, String source, List<Choice> suggestions,
			List<Choice> related) {
		return new Reply(UUID.randomUUID().toString(), outcome, "intent", 0.9, answer, source, suggestions, related,
				List.of(), "", "v1");
	}

	private static Outgoing single(List<Outgoing> messages) {
		assertThat(messages).hasSize(1);
		return messages.get(0);
	}

	private static List<String> texts(Outgoing message) {
		return message.keyboard()
			.getKeyboard()
			.stream()
			.flatMap(List::stream)
			.map(InlineKeyboardButton::getText)
			.toList();
	}

	private static List<String> data(Outgoing message) {
		return message.keyboard()
			.getKeyboard()
			.stream()
			.flatMap(List::stream)
			.map(InlineKeyboardButton::getCallbackData)
			.toList();
	}

}
