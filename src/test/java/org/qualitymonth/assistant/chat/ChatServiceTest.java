package org.qualitymonth.assistant.chat;

import java.nio.file.Path;
import java.util.List;

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

	@Test
	void declinesAnEmergencyWithTheReasonInsteadOfTheOfficePhone() {
		Reply reply = chat.ask(new Question("电梯困人了应该打什么电话求救", null, "api"));
		assertThat(reply.outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(reply.answered()).isFalse();
		assertThat(reply.answer()).startsWith("通知没有写紧急求助电话").contains("110", "119", "120");
		assertThat(reply.suggestions()).extracting(Choice::intent).contains("publicity_events");
	}

	@Test
	void declinesADifferentDocumentNumberAndThePersonsPrivateDetails() {
		assertThat(chat.ask(new Question("国市监质〔2020〕150号是什么文件", null, "api")).answered()).isFalse();
		Reply privateLife = chat.ask(new Question("蔡煜刚多大年纪，是哪里人", null, "api"));
		assertThat(privateLife.answered()).isFalse();
		assertThat(privateLife.answer()).contains("没有写联系人的个人信息");
	}

	@Test
	void answersWhetherADepartmentIsAnOrganiserFromTheClosedList() {
		Reply yes = chat.ask(new Question("工信部是不是主办单位之一", null, "api"));
		assertThat(yes.outcome()).isEqualTo(Outcome.ANSWERED);
		assertThat(yes.answer()).startsWith("是的，工业和信息化部是");
		assertThat(yes.details()).contains("16个部门");
		Reply no = chat.ask(new Question("教育部参加了吗", null, "api"));
		assertThat(no.answered()).isTrue();
		assertThat(no.answer()).startsWith("教育部不在通知列出的16个主办单位中");
	}

	@Test
	void leadsWithTheSingleFactAskedAndKeepsTheParagraphAsDetails() {
		Reply reply = chat.ask(new Question("通知的索引号是多少", null, "api"));
		assertThat(reply.answer()).isEqualTo("索引号是2020-1597883755538。");
		assertThat(reply.details()).contains("国市监质〔2020〕133号", "2020-1597883755538");
		Reply two = chat.ask(new Question("成文日期和发布日期分别是哪天", null, "api"));
		assertThat(two.answer()).contains("2020年08月14日", "2020年08月20日").doesNotContain("索引号");
	}

	@Test
	void shortFollowUpsSwitchAttributeAndDepartment() {
		assertThat(chat.ask(new Question("我想了解一下质量月定的主题", "f1", "api")).answer()).contains("建设质量强国");
		assertThat(chat.ask(new Question("那邮箱呢", "f1", "api")).answer()).contains("caiyugang@samr.gov.cn");
		assertThat(chat.ask(new Question("传真呢", "f1", "api")).answer()).contains("82260120");
		assertThat(chat.ask(new Question("发改委参加了吗", "f2", "api")).answer()).contains("国家发展改革委");
		assertThat(chat.ask(new Question("那教育部呢", "f2", "api")).answer()).contains("不在");
		assertThat(chat.ask(new Question("工信部呢", "f2", "api")).answer()).contains("工业和信息化部");
	}

	@Test
	void anOffTopicFollowUpIsDeclined() {
		chat.ask(new Question("质量月安排在几月份", "f3", "api"));
		assertThat(chat.ask(new Question("顺便问下，明天上海天气怎么样", "f3", "api")).answered()).isFalse();
		assertThat(chat.ask(new Question("那今年的主题呢", "f3", "api")).answer()).contains("建设质量强国");
	}

	@Test
	void aLongMessageWithTwoQuestionsGetsBothAnswersWithTheirSources() {
		Reply reply = chat.ask(new Question(
				"单位领导让我写一篇关于今年质量月的宣传稿，稿子开头要写清楚活动主题和开展的时间，" + "我找了半天没找到原文，你能直接告诉我主题是什么、在哪个月开展吗？谢谢", null, "api"));
		assertThat(reply.answered()).isTrue();
		assertThat(reply.answer()).contains("建设质量强国", "9月", "（出处：一、活动主题）", "（出处：通知开头）");
	}

	@Test
	void courtesyNeverDecidesTheTopic() {
		Reply reply = chat.ask(new Question("你好，我想问一下，搞质量月活动能不能向企业收费？谢谢", null, "api"));
		assertThat(reply.intent()).isEqualTo("no_fees_voluntary");
	}

	@Test
	void answersInTheAskersScriptAndLanguage() {
		Reply traditional = chat.ask(new Question("今年質量月的主題是什麼？", null, "api"));
		assertThat(traditional.answer()).contains("建設質量強國");
		assertThat(traditional.script()).isNotEqualTo("simplified");
		Reply english = chat.ask(new Question("What is the fax number?", null, "api"));
		assertThat(english.language()).isEqualTo("en");
		assertThat(english.answer()).contains("fax", "82260120");
		Reply other = chat.ask(new Question("品質月間のテーマは何ですか", null, "api"));
		assertThat(other.answered()).isFalse();
		assertThat(other.language()).isEqualTo("en");
		assertThat(other.suggestions()).isNotEmpty().allMatch(c -> c.title().chars().anyMatch(Character::isLetter));
	}

	@Test
	void anAnswerUnderTheThresholdIsOnlySuggested() {
		for (String question : List.of("质量月的主题是什么", "电梯安全宣传周是什么", "投诉打什么电话", "疫情期间活动有什么要求", "活动有没有线上的", "计量方面有什么帮扶")) {
			Reply reply = chat.ask(new Question(question, null, "api"));
			if (reply.outcome() == Outcome.ANSWERED) {
				assertThat(reply.confidence()).as(question)
					.isGreaterThanOrEqualTo(NluSettings.defaults().answerThreshold());
			}
		}
	}

	@Test
	void askingForADayTheTopicDoesNotNameIsDeclinedWithWhatTheNoticeSays() {
		Reply reply = chat.ask(new Question("电梯安全宣传周是几号", null, "api"));
		assertThat(reply.answered()).isFalse();
		assertThat(reply.answer()).startsWith("通知没有写").contains("电梯安全宣传周");
		assertThat(reply.suggestions()).isNotEmpty();
		assertThat(chat.ask(new Question("质量月具体哪天开始", null, "api")).answer()).contains("2020年9月");
		assertThat(chat.ask(new Question("联系电话几号", null, "api")).answer()).contains("82262033");
	}

}
