package org.qualitymonth.assistant.chat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.qualitymonth.assistant.nlu.NluSettings;
import org.qualitymonth.assistant.nlu.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chat service on the shipped intent files, without Spring. */
class ChatServiceTest {

	private static ChatService chat;

	@BeforeAll
	static void start() throws Exception {
		KnowledgeBase kb = StandaloneAssistant.load(Path.of("intents"), Path.of("seeds/000_6176395c013b77c3.txt"), 10);
		chat = StandaloneAssistant.chatService(kb, NluSettings.defaults());
	}

	@Test
	void answersTheThemeWithItsSource() {
		Reply reply = chat.ask(new Question("质量月的主题是什么", "s1", "api"));
		assertThat(reply.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(reply.intent()).isEqualTo("theme");
		assertThat(reply.answer()).contains("建设质量强国 决胜全面小康");
		assertThat(reply.source()).isNotBlank();
	}

	@Test
	void zeroWidthCharactersDoNotBreakMatching() {
		assertThat(chat.ask(new Question("质\u200b量\u200b月的主题是什么", "s2", "api")).intent()).isEqualTo("theme");
	}

	@Test
	void declinesWeatherQuestionAndOffersTheMainTopics() {
		Reply reply = chat.ask(new Question("明天北京会下雨吗", "s3", "api"));
		assertThat(reply.outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(reply.intent()).isNull();
		assertThat(reply.answer()).contains("质量月");
		assertThat(reply.suggestions()).isNotEmpty();
	}

	@Test
	void declinesNearMissesThatShareWordsWithTheNotice() {
		assertThat(chat.ask(new Question("这款冰箱的质量怎么样", "s4", "api")).answered()).isFalse();
		assertThat(chat.ask(new Question("商标怎么注册", "s4", "api")).answered()).isFalse();
	}

	@Test
	void resolvesAShortFollowUpAgainstThePreviousTopic() {
		assertThat(chat.ask(new Question("联系人是谁", "s5", "api")).answer()).contains("蔡煜刚");
		Reply followUp = chat.ask(new Question("那邮箱呢", "s5", "api"));
		assertThat(followUp.answered()).isTrue();
		assertThat(followUp.answer()).contains("caiyugang@samr.gov.cn");
	}

	@Test
	void readsAnEllipticalFollowUpWithinThePreviousTopic() {
		assertThat(chat.ask(new Question("质量月的主题是什么", "s7", "api")).intent()).isEqualTo("theme");
		assertThat(chat.ask(new Question("那时间呢", "s7", "api")).answer()).contains("2020年9月");
		assertThat(chat.ask(new Question("投诉电话多少", "s8", "api")).intent()).isEqualTo("complaint_12315");
		assertThat(chat.ask(new Question("那网址呢", "s8", "api")).answer()).contains("12315");
	}

	@Test
	void followUpsDoNotLeakBetweenSessions() {
		chat.ask(new Question("联系人是谁", "s9", "api"));
		assertThat(chat.ask(new Question("那邮箱呢", "s10", "api")).intent()).isNotEqualTo("contact_person");
	}

	@Test
	void aButtonPressAnswersTheChosenIntent() {
		Reply reply = chat.choose("contact_phone", "s6", "web");
		assertThat(reply.answer()).contains("82262033");
		assertThat(reply.confidence()).isEqualTo(1.0);
		assertThatThrownBy(() -> chat.choose("no_such_intent", "s6", "web")).isInstanceOf(UnknownIntentException.class);
		assertThatThrownBy(() -> chat.choose("out_of_scope", "s6", "web")).isInstanceOf(UnknownIntentException.class);
	}

	@Test
	void theMenuListsTheMainTopics() {
		assertThat(chat.menu()).extracting(Choice::intent).contains("theme", "complaint_12315");
	}

	@Test
	void repeatedQuestionsGiveTheSameReply() {
		Reply first = chat.ask(new Question("12315投诉电话", null, "api"));
		Reply second = chat.ask(new Question("１２３１５投诉电话！", null, "api"));
		assertThat(second.intent()).isEqualTo(first.intent());
		assertThat(second.answer()).isEqualTo(first.answer());
	}

}
