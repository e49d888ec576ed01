package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.qualitymonth.assistant.channel.telegram.ReplyRenderer.Outgoing;
import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.ConversationSettings;
import org.qualitymonth.assistant.chat.Conversations;
import org.qualitymonth.assistant.chat.FloodControl;
import org.qualitymonth.assistant.chat.RateLimitSettings;
import org.qualitymonth.assistant.chat.Choice;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.chat.UnknownIntentException;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.context.support.MessageSourceAccessor;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The adapter's decisions, with the chat service and the outbox mocked. */
class TelegramBotTest {

	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final long USER = 555;

	private static final long GROUP = -100_777;

	private final ChatService chat = mock(ChatService.class);

	private final Outbox outbox = mock(Outbox.class);

	private final TelegramBot bot = new TelegramBot(
			new Conversations(chat, new FloodControl(new RateLimitSettings(true, 3, Duration.ofHours(1), 1000)),
					new ConversationSettings(20, Duration.ofDays(2), Duration.ofMinutes(10), 1000)),
			new ReplyRenderer(TEXTS), outbox, new org.qualitymonth.assistant.channel.delivery.DeliveryLedger(1000),
			new Privacy("1:x"), TEXTS);

	private int nextUpdate = 1;

	@BeforeEach
	void wire() throws Exception {
		when(outbox.send(anyLong(), anyBoolean(), any(), any())).thenReturn(CompletableFuture.completedFuture(null));
		when(outbox.answerCallback(anyString(), any())).thenReturn(CompletableFuture.completedFuture(null));
		when(chat.menu()).thenReturn(List.of(new Choice("theme", "活动主题")));
		when(chat.ask(any())).thenAnswer(call -> answer("answer to " + ((Question) call.getArgument(0)).text()));
		User me = JSON.readValue("{\"id\":" + LoopbackBotApi.BOT_ID
				+ ",\"is_bot\":true,\"first_name\":\"bot\",\"username\":\"" + LoopbackBotApi.BOT_USERNAME + "\"}",
				User.class);
		bot.identify(me);
	}

	@Test
	void asksTheChatServiceWithAPerChatAndUserSession() {
		bot.handle(text(USER, "private", USER, "投诉电话是多少", ""));

		ArgumentCaptor<Question> question = ArgumentCaptor.forClass(Question.class);
		verify(chat).ask(question.capture());
		assertThat(question.getValue()).isEqualTo(new Question("投诉电话是多少", "telegram:555:555", "telegram"));
		assertThat(sentTexts(USER)).containsExactly("answer to 投诉电话是多少");
	}

	@Test
	void inAGroupIgnoresMessagesNotMeantForTheBot() {
		bot.handle(text(GROUP, "supergroup", USER, "大家好，投诉电话是多少", ""));
		bot.handle(text(GROUP, "supergroup", USER, "@SomeoneElse 投诉电话是多少", mention(0, 12)));
		bot.handle(text(GROUP, "supergroup", USER, "/help@SomeOtherBot", command(18)));
		bot.handle(text(GROUP, "supergroup", USER, "/weather", command(8)));

		verifyNoInteractions(outbox);
		verify(chat, never()).ask(any());
	}

	@Test
	void inAGroupAnswersAMentionWithoutTheMentionInTheQuestionAndRepliesToIt() {
		String text = "@" + LoopbackBotApi.BOT_USERNAME + " 投诉电话是多少";
		bot.handle(text(GROUP, "supergroup", USER, text, mention(0, LoopbackBotApi.BOT_USERNAME.length() + 1)));

		ArgumentCaptor<Question> question = ArgumentCaptor.forClass(Question.class);
		verify(chat).ask(question.capture());
		assertThat(question.getValue().text()).isEqualTo("投诉电话是多少");
		verify(outbox).send(eq(GROUP), eq(true), eq(1000 + nextUpdate - 1), any());
	}

	@Test
	void commandsForThisBotWorkWithItsNameAndWithout() {
		String start = "/start@" + LoopbackBotApi.BOT_USERNAME;
		bot.handle(text(GROUP, "supergroup", USER, start, command(start.length())));
		bot.handle(text(USER, "private", USER, "/menu", command(5)));

		assertThat(sentTexts(GROUP)).containsExactly(TEXTS.getMessage("telegram.welcome"));
		assertThat(sentTexts(USER)).containsExactly(TEXTS.getMessage("telegram.menu"));
	}

	@Test
	void anUnknownCommandInAPrivateChatSaysWhichOnesExist() {
		bot.handle(text(USER, "private", USER, "/weather", command(8)));

		assertThat(sentTexts(USER)).containsExactly(TEXTS.getMessage("telegram.unknownCommand"));
	}

	@Test
	void otherBotsAndChannelsAreIgnored() throws Exception {
		bot.handle(update("{\"message_id\":1,\"date\":1,\"chat\":{\"id\":9,\"type\":\"private\"},"
				+ "\"from\":{\"id\":9,\"is_bot\":true,\"first_name\":\"b\"},\"text\":\"hi\"}"));
		bot.handle(update("{\"message_id\":1,\"date\":1,\"chat\":{\"id\":-1009,\"type\":\"channel\"},"
				+ "\"from\":{\"id\":9,\"is_bot\":false,\"first_name\":\"c\"},\"text\":\"hi\"}"));

		verifyNoInteractions(outbox);
	}

	@Test
	void anOverlongQuestionIsTurnedDownWithoutClassifying() {
		bot.handle(text(USER, "private", USER, "质".repeat(21), ""));

		verify(chat, never()).ask(any());
		assertThat(sentTexts(USER)).containsExactly(TEXTS.getMessage("telegram.tooLong", new Object[] { 20 }));
	}

	@Test
	void aFailingChatServiceStillGetsThePoliteErrorOut() {
		org.mockito.Mockito.doThrow(new IllegalStateException("no knowledge")).when(chat).ask(any());

		bot.handle(text(USER, "private", USER, "投诉电话是多少", ""));

		assertThat(sentTexts(USER)).containsExactly(TEXTS.getMessage("telegram.error"));
	}

	@Test
	void theSameUpdateDeliveredTwiceIsHandledOnce() throws Exception {
		Update update = text(USER, "private", USER, "投诉电话是多少", "");

		bot.handle(update).get();
		bot.handle(update).get();

		verify(chat, times(1)).ask(any());
	}

	@Test
	void aFloodingCitizenGetsOneNoticeThenSilence() {
		for (int i = 0; i < 6; i++) {
			bot.handle(text(USER, "private", USER, "投诉电话是多少", ""));
		}

		verify(chat, times(3)).ask(any());
		assertThat(sentTexts(USER)).hasSize(4).endsWith(TEXTS.getMessage("telegram.flood"));
	}

	@Test
	void aButtonForAnIntentThatIsGoneStopsTheSpinnerWithANoticeAndShowsTheMenu() throws Exception {
		when(chat.choose(eq("removed"), anyString(), eq("telegram"))).thenThrow(new UnknownIntentException("removed"));

		bot.handle(press(USER, "c:removed"));

		verify(outbox).answerCallback("q" + (nextUpdate - 1), TEXTS.getMessage("telegram.staleButton"));
		assertThat(sentTexts(USER)).containsExactly(TEXTS.getMessage("telegram.menu"));
	}

	@Test
	void aButtonAnswersTheChosenIntentAndStopsTheSpinner() throws Exception {
		when(chat.choose("theme", "telegram:555:555", "telegram")).thenReturn(answer("主题"));

		bot.handle(press(USER, "c:theme"));

		verify(outbox).answerCallback("q" + (nextUpdate - 1), null);
		assertThat(sentTexts(USER)).containsExactly("主题");
	}

	@Test
	void forgedButtonDataIsAnsweredButNeverActedOn() throws Exception {
		bot.handle(press(USER, "c:../../etc"));

		verify(outbox).answerCallback("q" + (nextUpdate - 1), TEXTS.getMessage("telegram.staleButton"));
		verify(chat, never()).choose(anyString(), anyString(), anyString());
		verify(outbox, never()).send(anyLong(), anyBoolean(), any(), any());
	}

	@Test
	void feedbackCountsOncePerCitizenAndReply() throws Exception {
		String replyId = UUID.randomUUID().toString();

		bot.handle(press(USER, "f:" + replyId + ":1"));
		bot.handle(press(USER, "f:" + replyId + ":1"));
		bot.handle(press(USER + 1, "f:" + replyId + ":0"));

		verify(chat, times(1)).feedback(replyId, true);
		verify(chat, times(1)).feedback(replyId, false);
		verify(outbox, times(3)).answerCallback(anyString(), eq(TEXTS.getMessage("telegram.feedback.thanks")));
	}

	@Test
	void mediaGetsThePleaseTypeNoticeButServiceMessagesDoNot() throws Exception {
		bot.handle(update("{\"message_id\":1,\"date\":1,\"chat\":{\"id\":555,\"type\":\"private\"},"
				+ "\"from\":{\"id\":555,\"is_bot\":false,\"first_name\":\"c\"},"
				+ "\"location\":{\"latitude\":39.9,\"longitude\":116.4}}"));
		bot.handle(update("{\"message_id\":2,\"date\":1,\"chat\":{\"id\":555,\"type\":\"private\"},"
				+ "\"from\":{\"id\":555,\"is_bot\":false,\"first_name\":\"c\"},\"pinned_message\":{\"message_id\":1,\"date\":1,"
				+ "\"chat\":{\"id\":555,\"type\":\"private\"}}}"));

		assertThat(sentTexts(USER)).containsExactly(TEXTS.getMessage("telegram.pleaseType"));
	}

	private List<String> sentTexts(long chatId) {
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<Outgoing>> messages = ArgumentCaptor.forClass(List.class);
		verify(outbox, org.mockito.Mockito.atLeast(0)).send(eq(chatId), anyBoolean(), any(), messages.capture());
		return messages.getAllValues().stream().flatMap(List::stream).map(Outgoing::plain).toList();
	}

	private Update text(long chatId, String type, long userId, String text, String entities) {
		try {
			String message = "{\"message_id\":" + (1000 + nextUpdate) + ",\"date\":1700000000,\"chat\":{\"id\":"
					+ chatId + ",\"type\":\"" + type + "\"},\"from\":{\"id\":" + userId
					+ ",\"is_bot\":false,\"first_name\":\"市民\"}," + "\"text\":" + JSON.writeValueAsString(text)
					+ (entities.isEmpty() ? "" : ",\"entities\":[" + entities + "]") + "}";
			return update(message);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Update press(long userId, String data) throws Exception {
		int id = nextUpdate++;
		return JSON.readValue("{\"update_id\":" + id + ",\"callback_query\":{\"id\":\"q" + id + "\",\"from\":{\"id\":"
				+ userId
				+ ",\"is_bot\":false,\"first_name\":\"市民\"},\"message\":{\"message_id\":3,\"date\":1700000000,\"chat\":{\"id\":"
				+ USER + ",\"type\":\"private\"},\"text\":\"x\"},\"chat_instance\":\"1\",\"data\":\"" + data + "\"}}",
				Update.class);
	}

	private Update update(String message) throws Exception {
		return JSON.readValue("{\"update_id\":" + nextUpdate++ + ",\"message\":" + message + "}", Update.class);
	}

	private static String command(int length) {
		return "{\"type\":\"bot_command\",\"offset\":0,\"length\":" + length + "}";
	}

	private static String mention(int offset, int length) {
		return "{\"type\":\"mention\",\"offset\":" + offset + ",\"length\":" + length + "}";
	}

	private static Reply answer(String text) {
		return new Reply(UUID.randomUUID().toString(), Outcome.ANSWERED, "intent", 0.9, text, null, List.of(),
				List.of(), List.of(), "", "v1");
	}

}
