package org.qualitymonth.assistant.channel.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.qualitymonth.assistant.channel.telegram.ReplyRenderer.Outgoing;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(OutputCaptureExtension.class)
class OutboxTest {

	private static final String TOKEN = "42:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

	private final TelegramClient client = mock(TelegramClient.class);

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2);

	private final Outbox outbox = new Outbox(client, new TelegramSettings.Pacing(Duration.ZERO, Duration.ZERO, 30),
			new TelegramSettings.Retry(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5)), executor,
			new Privacy(TOKEN));

	private final Outgoing hello = new Outgoing("<i>您好</i> &amp; 再见", "您好 & 再见", null);

	@AfterEach
	void stop() {
		executor.shutdownNow();
	}

	@Test
	void honoursRetryAfterOnA429AndThenDelivers() throws Exception {
		when(client.execute(any(SendMessage.class))).thenThrow(refusal(429, "Too Many Requests: retry after 1", 1))
			.thenReturn(new Message());

		outbox.send(7, false, null, List.of(hello)).get(10, TimeUnit.SECONDS);

		verify(client, times(2)).execute(any(SendMessage.class));
		assertThat(outbox.retriedRateLimited()).isEqualTo(1);
		assertThat(outbox.retriedError()).isZero();
		assertThat(outbox.sent()).isEqualTo(1);
		assertThat(outbox.failed()).isZero();
	}

	@Test
	void retriesServerErrorsAndNetworkFailuresWithBackoff() throws Exception {
		when(client.execute(any(SendMessage.class))).thenThrow(refusal(502, "Bad Gateway", null))
			.thenThrow(new TelegramApiException("Unable to execute sendmessage method", new IOException("reset")))
			.thenReturn(new Message());

		outbox.send(7, false, null, List.of(hello)).get(10, TimeUnit.SECONDS);

		verify(client, times(3)).execute(any(SendMessage.class));
		assertThat(outbox.retriedError()).isEqualTo(2);
		assertThat(outbox.retriedRateLimited()).isZero();
		assertThat(outbox.sent()).isEqualTo(1);
	}

	@Test
	void givesUpAfterTheLastAttemptAndSaysSoInTheLog(CapturedOutput output) throws Exception {
		when(client.execute(any(SendMessage.class))).thenThrow(refusal(500, "Internal Server Error", null));

		CompletableFuture<Void> sent = outbox.send(7, false, null, List.of(hello));

		assertThatThrownBy(() -> sent.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
		verify(client, times(4)).execute(any(SendMessage.class));
		assertThat(output.getAll()).contains("NOT delivered after 4 attempt(s)", "Internal Server Error");
		assertThat(outbox.failed()).isEqualTo(1);
		assertThat(outbox.retriedError()).isEqualTo(3);
		assertThat(outbox.sent()).isZero();
	}

	@Test
	void aPermanentRefusalIsNotRetriedButLogged(CapturedOutput output) throws Exception {
		when(client.execute(any(SendMessage.class))).thenThrow(refusal(400, "Bad Request: chat not found", null));

		CompletableFuture<Void> sent = outbox.send(7, false, null, List.of(hello));

		assertThatThrownBy(() -> sent.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
		verify(client, times(1)).execute(any(SendMessage.class));
		assertThat(output.getAll()).contains("NOT delivered after 1 attempt(s) (Telegram refused it)",
				"chat not found");
	}

	@Test
	void formattingTelegramRefusesIsResentAsPlainText() throws Exception {
		when(client.execute(any(SendMessage.class)))
			.thenThrow(refusal(400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 0",
					null))
			.thenReturn(new Message());
		ArgumentCaptor<SendMessage> calls = ArgumentCaptor.forClass(SendMessage.class);

		outbox.send(7, false, null, List.of(hello)).get(10, TimeUnit.SECONDS);

		verify(client, times(2)).execute(calls.capture());
		assertThat(calls.getAllValues().get(0).getParseMode()).isEqualTo("html");
		assertThat(calls.getAllValues().get(0).getText()).isEqualTo(hello.html());
		assertThat(calls.getAllValues().get(1).getParseMode()).isNull();
		assertThat(calls.getAllValues().get(1).getText()).isEqualTo(hello.plain());
	}

	@Test
	void aGroupThatBecameASupergroupGetsTheMessageThere() throws Exception {
		TelegramApiRequestException migrated = refusal("{\"ok\":false,\"error_code\":400,\"description\":"
				+ "\"Bad Request: group chat was upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001234}}");
		when(client.execute(any(SendMessage.class))).thenThrow(migrated).thenReturn(new Message());
		ArgumentCaptor<SendMessage> calls = ArgumentCaptor.forClass(SendMessage.class);

		outbox.send(-1234, true, null, List.of(hello)).get(10, TimeUnit.SECONDS);

		verify(client, times(2)).execute(calls.capture());
		assertThat(calls.getAllValues().get(1).getChatId()).isEqualTo("-1001234");
	}

	@Test
	void messagesToOneChatLeaveInOrderEvenWhenOneIsRetried() throws Exception {
		when(client.execute(any(SendMessage.class))).thenThrow(refusal(502, "Bad Gateway", null))
			.thenReturn(new Message());
		ArgumentCaptor<SendMessage> calls = ArgumentCaptor.forClass(SendMessage.class);
		List<Outgoing> three = List.of(new Outgoing("一", "一", null), new Outgoing("二", "二", null),
				new Outgoing("三", "三", null));

		outbox.send(7, false, 99, three).get(10, TimeUnit.SECONDS);

		verify(client, times(4)).execute(calls.capture());
		assertThat(calls.getAllValues()).extracting(SendMessage::getText).containsExactly("一", "一", "二", "三");
		assertThat(calls.getAllValues().get(0).getReplyParameters().getMessageId()).isEqualTo(99);
		assertThat(calls.getAllValues().get(3).getReplyParameters()).as("only the first part replies").isNull();
	}

	@Test
	void answersButtonPresses() throws Exception {
		ArgumentCaptor<AnswerCallbackQuery> calls = ArgumentCaptor.forClass(AnswerCallbackQuery.class);

		outbox.answerCallback("query-1", "谢谢").get(10, TimeUnit.SECONDS);

		verify(client).execute(calls.capture());
		assertThat(calls.getValue().getCallbackQueryId()).isEqualTo("query-1");
		assertThat(calls.getValue().getText()).isEqualTo("谢谢");
	}

	@Test
	void afterCloseNothingIsAcceptedAndThatIsLogged(CapturedOutput output) {
		outbox.close(Duration.ofMillis(10));

		assertThat(outbox.send(7, false, null, List.of(hello))).isCompletedExceptionally();
		assertThat(output.getAll()).contains("shutting down, a reply to chat");
	}

	@Test
	void theTokenIsCutOutOfErrorsBeforeTheyAreLogged(CapturedOutput output) throws Exception {
		when(client.execute(any(SendMessage.class)))
			.thenThrow(new TelegramApiException("Unable to execute sendmessage method",
					new IOException("GET https://api.telegram.org/bot" + TOKEN + "/x")));

		CompletableFuture<Void> sent = outbox.send(7, false, null, List.of(hello));

		assertThatThrownBy(() -> sent.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
		assertThat(output.getAll()).contains("bot<token>/x").doesNotContain(TOKEN.substring(3));
	}

	/** A refusal as the library builds it from Telegram's JSON answer. */
	static TelegramApiRequestException refusal(int code, String description, Integer retryAfter) {
		return refusal("{\"ok\":false,\"error_code\":" + code + ",\"description\":\""
				+ description.replace("\"", "\\\"") + "\""
				+ (retryAfter == null ? "" : ",\"parameters\":{\"retry_after\":" + retryAfter + "}") + "}");
	}

	static TelegramApiRequestException refusal(String json) {
		try {
			new GetMe().deserializeResponse(json);
		}
		catch (TelegramApiRequestException ex) {
			return ex;
		}
		throw new AssertionError("not an error: " + json);
	}

}
