package org.qualitymonth.assistant.channel.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.channel.telegram.LoopbackBotApi.Posted;
import org.qualitymonth.assistant.channel.telegram.LoopbackBotApi.Sent;
import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application in long-polling mode, driven through the real Telegram client
 * library against a strict loopback Bot API. Each test talks from its own chat and user.
 */
// the most talkative log levels, so that the token checks cover every line there is
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "logging.level.org.qualitymonth.assistant.channel.telegram=DEBUG",
				"logging.level.org.telegram=DEBUG", "logging.level.okhttp3=DEBUG" },
		classes = { org.qualitymonth.assistant.AssistantApplication.class, TelegramPollingEndToEndIT.Feedback.class })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelegramPollingEndToEndIT {

	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	static final String TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw_e2e";

	static final Duration WAIT = Duration.ofSeconds(20);

	static final LoopbackBotApi api = LoopbackBotApi.started(TOKEN);

	@TempDir
	static Path dataDir;

	@Autowired
	Feedback.Recorder feedback;

	@Autowired
	LogRecorder log;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		registry.add("bot.data-dir", () -> dataDir.toString());
		registry.add("bot.telegram.token", () -> TOKEN);
		registry.add("bot.telegram.api-url", api::url);
		registry.add("bot.telegram.poll-timeout", () -> "1s");
		registry.add("bot.telegram.pacing.per-chat", () -> "20ms");
		registry.add("bot.telegram.pacing.per-group", () -> "50ms");
		registry.add("bot.telegram.retry.initial-backoff", () -> "20ms");
		registry.add("bot.telegram.retry.max-backoff", () -> "200ms");
		registry.add("bot.rate-limit.questions-per-period", () -> "5");
		registry.add("bot.rate-limit.period", () -> "1h");
	}

	@Test
	@Order(1)
	void startGetsAWelcomeWithTheMainTopicsAsButtons() {
		long chat = api.privateChat(1001);
		Posted start = api.says(chat, 1001, "/start");

		Sent welcome = api.awaitSent(chat, 1, WAIT).get(0);

		assertThat(welcome.plainText()).isEqualTo(TEXTS.getMessage("telegram.welcome"));
		assertThat(welcome.parseMode()).isEqualToIgnoringCase("html");
		assertThat(welcome.buttonTexts()).contains("活动主题", "活动时间");
		assertThat(welcome.callbackData()).allSatisfy(data -> assertThat(data).startsWith("c:"));
		api.awaitConfirmed(start.updateId(), WAIT);
	}

	@Test
	@Order(2)
	void complaintPhoneQuestionGetsThe12315Answer() {
		long chat = api.privateChat(1002);
		api.says(chat, 1002, "投诉电话是多少");

		Sent answer = api.awaitSent(chat, 1, WAIT).get(0);

		assertThat(answer.plainText()).contains("12315").contains(TEXTS.getMessage("reply.sourcePrefix"));
		assertThat(answer.buttonTexts()).contains(TEXTS.getMessage("telegram.feedback.helpful"),
				TEXTS.getMessage("telegram.feedback.notHelpful"));
		assertThat(rejectedSends()).isEmpty();
	}

	@Test
	@Order(3)
	void emailArrivesIntactAndItsFormattingIsAccepted() {
		long chat = api.privateChat(1003);
		Posted question = api.says(chat, 1003, "联系邮箱是什么");

		Sent answer = api.awaitSent(chat, 1, WAIT).get(0);

		assertThat(answer.parseMode()).isEqualToIgnoringCase("html");
		assertThat(answer.plainText()).contains("caiyugang@samr.gov.cn");
		assertThat(rejectedSends()).isEmpty();
		api.awaitConfirmed(question.updateId(), WAIT);
	}

	@Test
	@Order(4)
	void aReplyThatFirstMeetsA429StillArrivesAfterTheRetryAfter() {
		long chat = api.privateChat(1004);
		api.throttleNextSend(1);
		Posted question = api.says(chat, 1004, "质量月的主题是什么");

		Sent answer = api.awaitSent(chat, 1, WAIT).get(0);

		assertThat(answer.plainText()).contains("建设质量强国 决胜全面小康");
		assertThat(api.events()).contains("sendMessage chat=" + chat + " 429");
		assertThat(api.earlyRetries()).as("retries before retry_after had passed").isZero();
		// acknowledged only once handled: no getUpdates confirmed the update before its
		// reply was accepted
		List<String> events = api.events();
		int accepted = events.indexOf("sendMessage chat=" + chat + " 200 id=" + answer.messageId());
		assertThat(events.subList(0, accepted)).noneMatch(e -> e.startsWith("getUpdates offset=")
				&& Integer.parseInt(e.substring("getUpdates offset=".length())) > question.updateId());
		api.awaitConfirmed(question.updateId(), WAIT);
		// what /actuator/prometheus shows as assistant_telegram_retries_total and
		// assistant_telegram_sends_total
		assertThat(meters.get("assistant.telegram.retries").tag("reason", "rate_limited").functionCounter().count())
			.isGreaterThanOrEqualTo(1);
		assertThat(meters.get("assistant.telegram.sends").tag("result", "sent").functionCounter().count())
			.isGreaterThanOrEqualTo(1);
		assertThat(meters.get("assistant.questions").tag("channel", "telegram").counters()).isNotEmpty();
	}

	@Test
	@Order(5)
	void aPhotoGetsAPoliteReplyAndTheNextQuestionIsStillAnswered() {
		long chat = api.privateChat(1005);
		api.sendsPhoto(chat, 1005);
		api.says(chat, 1005, "投诉电话是多少");

		List<Sent> replies = api.awaitSent(chat, 2, WAIT);

		assertThat(replies.get(0).plainText()).isEqualTo(TEXTS.getMessage("telegram.pleaseType"));
		assertThat(replies.get(1).plainText()).contains("12315");
	}

	@Test
	@Order(6)
	void stickersVoiceAndFilesGetThePoliteReplyToo() {
		long chat = api.privateChat(1006);
		api.sendsSticker(chat, 1006);
		api.sendsVoice(chat, 1006);
		Posted last = api.sendsDocument(chat, 1006);

		List<Sent> replies = api.awaitSent(chat, 3, WAIT);

		assertThat(replies).extracting(Sent::plainText).containsOnly(TEXTS.getMessage("telegram.pleaseType"));
		api.awaitConfirmed(last.updateId(), WAIT);
	}

	@Test
	@Order(7)
	void aPressedButtonIsAcknowledgedAndAnswered() {
		long chat = api.privateChat(1007);
		api.says(chat, 1007, "/start");
		Sent welcome = api.awaitSent(chat, 1, WAIT).get(0);
		String theme = welcome.callbackData().get(welcome.buttonTexts().indexOf("活动主题"));

		Posted press = api.presses(chat, 1007, welcome.messageId(), theme);

		api.awaitAnswered(press.callbackQueryId(), WAIT);
		Sent answer = api.awaitSent(chat, 2, WAIT).get(1);
		assertThat(answer.plainText()).contains("建设质量强国 决胜全面小康");
		assertThat(answer.buttonTexts()).contains(TEXTS.getMessage("telegram.feedback.helpful"));
		api.awaitConfirmed(press.updateId(), WAIT);
	}

	@Test
	@Order(8)
	void feedbackButtonsAreRecordedOncePerCitizen() {
		long chat = api.privateChat(1008);
		api.says(chat, 1008, "联系邮箱是什么");
		Sent answer = api.awaitSent(chat, 1, WAIT).get(0);
		String thumbsUp = answer.callbackData()
			.get(answer.buttonTexts().indexOf(TEXTS.getMessage("telegram.feedback.helpful")));
		assertThat(thumbsUp.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);

		Posted first = api.presses(chat, 1008, answer.messageId(), thumbsUp);
		Posted again = api.presses(chat, 1008, answer.messageId(), thumbsUp);

		api.awaitAnswered(first.callbackQueryId(), WAIT);
		api.awaitAnswered(again.callbackQueryId(), WAIT);
		assertThat(api.answeredQueries().get(first.callbackQueryId()))
			.isEqualTo(TEXTS.getMessage("telegram.feedback.thanks"));
		String replyId = thumbsUp.split(":")[1];
		assertThat(feedback.ratings).containsExactly(replyId + "=true");
	}

	@Test
	@Order(9)
	void inGroupsOnlyCommandsMentionsAndRepliesToTheBotAreAnswered() {
		long group = api.group(-100_200_300L);
		api.says(group, 2001, "大家好，投诉电话是多少");
		api.says(group, 2002, "/help@SomeOtherBot");
		Posted mention = api.says(group, 2003, "@" + LoopbackBotApi.BOT_USERNAME + " 投诉电话是多少");

		Sent answer = api.awaitSent(group, 1, WAIT).get(0);
		assertThat(answer.plainText()).contains("12315");
		assertThat(answer.replyTo()).isEqualTo(mention.messageId());

		Posted reply = api.replies(group, 2001, answer.messageId(), "联系邮箱是什么");
		Posted command = api.says(group, 2004, "/menu@" + LoopbackBotApi.BOT_USERNAME);
		List<Sent> all = api.awaitSent(group, 3, WAIT);
		api.awaitConfirmed(command.updateId(), WAIT);

		assertThat(all).hasSize(3);
		assertThat(all.get(1).plainText()).contains("caiyugang@samr.gov.cn");
		assertThat(all.get(1).replyTo()).isEqualTo(reply.messageId());
		assertThat(all.get(2).plainText()).isEqualTo(TEXTS.getMessage("telegram.menu"));
	}

	@Test
	@Order(10)
	void aFloodingCitizenGetsOneNoticeAndDoesNotStarveOthers() {
		long flooder = api.privateChat(3001);
		long other = api.privateChat(3002);
		Posted[] last = new Posted[1];
		api.atOnce(() -> {
			for (int i = 0; i < 40; i++) {
				api.says(flooder, 3001, "投诉电话是多少");
			}
			last[0] = api.says(other, 3002, "联系邮箱是什么");
		});

		Sent otherAnswer = api.awaitSent(other, 1, WAIT).get(0);
		api.awaitConfirmed(last[0].updateId(), WAIT);

		assertThat(otherAnswer.plainText()).contains("caiyugang@samr.gov.cn");
		List<Sent> toFlooder = api.awaitSent(flooder, 6, WAIT);
		assertThat(toFlooder).hasSize(6);
		assertThat(toFlooder.subList(0, 5)).allSatisfy(s -> assertThat(s.plainText()).contains("12315"));
		assertThat(toFlooder.get(5).plainText()).isEqualTo(TEXTS.getMessage("telegram.flood"));
	}

	@Test
	@Order(11)
	void aSendThatFailsWithServerErrorsIsRetriedWithBackoff(CapturedOutput output) {
		long chat = api.privateChat(1011);
		api.failNext("sendMessage", 2, 502, "Bad Gateway");
		Posted question = api.says(chat, 1011, "投诉电话是多少");

		Sent answer = api.awaitSent(chat, 1, WAIT).get(0);
		api.awaitConfirmed(question.updateId(), WAIT);

		assertThat(answer.plainText()).contains("12315");
		assertThat(api.events()).containsSubsequence("sendMessage chat=" + chat + " 502",
				"sendMessage chat=" + chat + " 502", "sendMessage chat=" + chat + " 200 id=" + answer.messageId());
		assertThat(output.getAll()).contains("went through on attempt 3");
	}

	@Test
	@Order(12)
	void aSendTelegramRefusesForGoodIsLoggedNotDroppedSilently(CapturedOutput output) {
		long chat = api.privateChat(1012);
		api.failNext("sendMessage", 1, 403, "Forbidden: bot was blocked by the user");
		Posted question = api.says(chat, 1012, "投诉电话是多少");

		api.awaitConfirmed(question.updateId(), WAIT);

		assertThat(api.sentTo(chat)).isEmpty();
		assertThat(output.getAll()).contains("NOT delivered").contains("Forbidden: bot was blocked by the user");
	}

	@Test
	@Order(13)
	void theOffsetMovesPastEveryUpdate() {
		long chat = api.privateChat(1013);
		Posted last = null;
		for (String text : List.of("/start", "活动时间", "/menu")) {
			last = api.says(chat, 1013, text);
		}
		api.awaitSent(chat, 3, WAIT);

		api.awaitConfirmed(last.updateId(), WAIT);
		assertThat(api.offsets()).isSorted();
	}

	@Test
	@Order(100)
	void theTokenIsNowhereInTheLog(CapturedOutput output) {
		String secretPart = TOKEN.substring(TOKEN.indexOf(':') + 1);

		assertThat(output.getAll()).as("start-up").contains("Started TelegramPollingEndToEndIT");
		assertThat(output.getAll()).doesNotContain(secretPart);
		assertThat(log.text()).as("everything logged since start-up, at DEBUG")
			.contains("is answering: long polling", "NOT delivered", "failed (attempt 1 of 6)", "Getting updates")
			.doesNotContain(secretPart);
		assertThat(api.rejections()).noneMatch(r -> r.code() == 401 || r.code() == 404);
	}

	private static List<LoopbackBotApi.Rejection> rejectedSends() {
		return api.rejections()
			.stream()
			.filter(r -> r.method().equals("sendmessage") && r.code() != 429 && r.code() < 500 && r.code() != 403)
			.toList();
	}

	/** Records 👍/👎 the way the query log will: as a conversation listener. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Feedback {

		@Bean
		Recorder feedbackRecorder() {
			return new Recorder();
		}

		/** Closed with the context, after the bot stopped polling it. */
		@Bean(destroyMethod = "close")
		LoopbackBotApi loopbackBotApi() {
			return api;
		}

		@Bean(destroyMethod = "close")
		LogRecorder logRecorder() {
			return new LogRecorder();
		}

		static class Recorder implements ConversationListener {

			final List<String> ratings = new CopyOnWriteArrayList<>();

			@Override
			public void onReply(Question question, Reply reply) {
			}

			@Override
			public void onFeedback(String replyId, boolean helpful) {
				ratings.add(replyId + "=" + helpful);
			}

		}

	}

}
