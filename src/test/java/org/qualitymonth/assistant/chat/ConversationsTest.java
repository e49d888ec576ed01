package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.nlu.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ConversationsTest {

	private final ChatService chat = mock(ChatService.class);

	private final Conversations conversations = new Conversations(chat,
			new FloodControl(new RateLimitSettings(true, 3, Duration.ofHours(1), 1000, 5)),
			new ConversationSettings(20, Duration.ofDays(1), Duration.ofMinutes(1), 1000));

	private final ConversationKey alice = new ConversationKey("wechat", "oAlice");

	private final ConversationKey bob = new ConversationKey("wechat", "oBob");

	@Test
	void asksTheChatServiceUnderTheNamespacedKey() {
		when(chat.ask(any())).thenReturn(reply());

		Outbound out = conversations.handle(new Inbound.Text(alice, "  质量月的主题是什么 "));

		assertThat(out).isInstanceOf(Outbound.Answer.class);
		verify(chat).ask(new Question("质量月的主题是什么", "wechat:oAlice", "wechat"));
	}

	@Test
	void throttlesOneConversationOnlyAndSaysSoOnce() {
		when(chat.ask(any())).thenReturn(reply());
		for (int i = 0; i < 3; i++) {
			assertThat(conversations.handle(new Inbound.Text(alice, "问题" + i))).isInstanceOf(Outbound.Answer.class);
		}

		Outbound first = conversations.handle(new Inbound.Text(alice, "再问"));
		Outbound second = conversations.handle(new Inbound.Text(alice, "再问"));

		assertThat(first).isEqualTo(new Outbound.Throttled(((Outbound.Throttled) first).retryAfterSeconds(), true));
		assertThat(((Outbound.Throttled) first).retryAfterSeconds()).isPositive();
		assertThat(((Outbound.Throttled) second).firstNotice()).isFalse();
		assertThat(conversations.handle(new Inbound.Text(bob, "问题"))).isInstanceOf(Outbound.Answer.class);
		verify(chat, times(4)).ask(any());
	}

	@Test
	void rotatingConversationIdsMeetTheAddressBudget() {
		when(chat.ask(any())).thenReturn(reply());
		int answered = 0;
		for (int i = 0; i < 10; i++) {
			Outbound out = conversations.handle(new Inbound.Text(new ConversationKey("web", "s" + i), "问题"),
					"203.0.113.7");
			answered += out instanceof Outbound.Answer ? 1 : 0;
		}

		assertThat(answered).isEqualTo(5);
		assertThat(conversations.handle(new Inbound.Text(new ConversationKey("web", "other"), "问题"), "198.51.100.1"))
			.isInstanceOf(Outbound.Answer.class);
	}

	@Test
	void refusesAnOverlongQuestionWithoutAskingAndCountsCharactersNotUnits() {
		Outbound out = conversations.handle(new Inbound.Text(alice, "长".repeat(21)));
		when(chat.ask(any())).thenReturn(reply());
		Outbound emoji = conversations.handle(new Inbound.Text(bob, "😀".repeat(20)));

		assertThat(out).isEqualTo(new Outbound.TooLong(20));
		assertThat(emoji).isInstanceOf(Outbound.Answer.class);
		verify(chat, times(1)).ask(any());
	}

	@Test
	void countsARatingOncePerReplyAndConversation() {
		Outbound first = conversations.handle(new Inbound.Rate(alice, "r1", true));
		Outbound again = conversations.handle(new Inbound.Rate(alice, "r1", false));
		Outbound other = conversations.handle(new Inbound.Rate(bob, "r1", true));

		assertThat(first).isEqualTo(new Outbound.Rated(true));
		assertThat(again).isEqualTo(new Outbound.Rated(false));
		assertThat(other).isEqualTo(new Outbound.Rated(true));
		verify(chat, times(2)).feedback(eq("r1"), anyBoolean());
	}

	@Test
	void oneUserInSeveralConversationsHasOneBudgetAndRatesOnce() {
		when(chat.menu()).thenReturn(List.of());
		ConversationKey inPrivate = new ConversationKey("telegram", "7:7", "7");
		ConversationKey inGroup = new ConversationKey("telegram", "-100:7", "7");
		for (int i = 0; i < 3; i++) {
			conversations.handle(new Inbound.Menu(i % 2 == 0 ? inPrivate : inGroup));
		}

		assertThat(conversations.handle(new Inbound.Unreadable(inGroup))).isInstanceOf(Outbound.Throttled.class);
		assertThat(conversations.handle(new Inbound.Unreadable(new ConversationKey("telegram", "-100:8", "8"))))
			.isEqualTo(new Outbound.Unreadable());
	}

	@Test
	void aRatingCountsOncePerUserWhateverTheConversation() {
		conversations.handle(new Inbound.Rate(new ConversationKey("telegram", "7:7", "7"), "r1", true));
		Outbound again = conversations
			.handle(new Inbound.Rate(new ConversationKey("telegram", "-100:7", "7"), "r1", true));

		assertThat(again).isEqualTo(new Outbound.Rated(false));
		verify(chat, times(1)).feedback("r1", true);
	}

	@Test
	void aStaleTopicGetsTheMenu() {
		when(chat.choose(anyString(), anyString(), anyString())).thenThrow(new UnknownIntentException("gone"));
		when(chat.menu()).thenReturn(List.of(new Choice("theme", "活动主题")));

		Outbound out = conversations.handle(new Inbound.Choose(alice, "gone"));

		assertThat(out).isEqualTo(new Outbound.UnknownTopic(List.of(new Choice("theme", "活动主题"))));
		verify(chat, never()).ask(any());
	}

	@Test
	void keysAreNamespacedAndChecked() {
		assertThat(new ConversationKey("telegram", "12:34").value()).isEqualTo("telegram:12:34");
		assertThat(new ConversationKey("web", "telegram:12:34").value()).isEqualTo("web:telegram:12:34");
		assertThatThrownBy(() -> new ConversationKey("Web", "x")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ConversationKey("web:x", "y")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ConversationKey("web", " ")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ConversationKey("web", "a\nb")).isInstanceOf(IllegalArgumentException.class);
	}

	private static Reply reply() {
		return new Reply("r1", Outcome.ANSWERED, "theme", 0.9, "答案", "一、活动主题", List.of(), List.of(), List.of(), "q",
				"v1");
	}

}
