package org.qualitymonth.assistant.chat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.qualitymonth.assistant.chat.FloodNoticeTest.Verdict.ALLOW;
import static org.qualitymonth.assistant.chat.FloodNoticeTest.Verdict.DROP;
import static org.qualitymonth.assistant.chat.FloodNoticeTest.Verdict.WARN;

/**
 * A citizen pasting a hundred messages gets the first ones answered and one notice, then
 * silence, whatever the channel (this was Telegram's own flood guard, now the rule of
 * {@link Conversations}).
 */
class FloodNoticeTest {

	/**
	 * What the channel does with a message: answer it, say "slow down" once, or ignore
	 * it.
	 */
	enum Verdict {

		ALLOW, WARN, DROP

	}

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final ChatService chat = mock(ChatService.class);

	/** Three questions per six seconds: one more every two seconds. */
	private final Conversations conversations = new Conversations(chat,
			new FloodControl(new RateLimitSettings(true, 3, Duration.ofSeconds(6), 1000), new TimeMeter() {
				@Override
				public long currentTimeNanos() {
					return now.get();
				}

				@Override
				public boolean isWallClockBased() {
					return false;
				}
			}), ConversationSettings.defaults());

	@Test
	void allowsABurstThenWarnsOnceThenDrops() {
		assertThat(new Verdict[] { check(1), check(1), check(1), check(1), check(1), check(1) }).containsExactly(ALLOW,
				ALLOW, ALLOW, WARN, DROP, DROP);
	}

	@Test
	void earnsOneMessageBackPerRefillAndWarnsAgainInTheNextFlood() {
		for (int i = 0; i < 5; i++) {
			check(1);
		}
		now.addAndGet(Duration.ofSeconds(2).toNanos());

		assertThat(check(1)).isEqualTo(ALLOW);
		assertThat(check(1)).isEqualTo(WARN);
		assertThat(check(1)).isEqualTo(DROP);
	}

	@Test
	void aLongPauseRefillsNoMoreThanTheBurst() {
		check(1);
		now.addAndGet(Duration.ofHours(1).toNanos());

		assertThat(new Verdict[] { check(1), check(1), check(1), check(1) }).containsExactly(ALLOW, ALLOW, ALLOW, WARN);
	}

	@Test
	void oneCitizensFloodLeavesOthersAlone() {
		for (int i = 0; i < 100; i++) {
			check(1);
		}

		assertThat(check(2)).isEqualTo(ALLOW);
		assertThat(check(3)).isEqualTo(ALLOW);
	}

	/** A Telegram user writing in their private chat. */
	private Verdict check(long userId) {
		when(chat.menu()).thenReturn(List.of());
		Outbound out = conversations
			.handle(new Inbound.Menu(new ConversationKey("telegram", userId + ":" + userId, String.valueOf(userId))));
		if (out instanceof Outbound.Throttled throttled) {
			return throttled.firstNotice() ? WARN : DROP;
		}
		return ALLOW;
	}

}
