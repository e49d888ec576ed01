package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacer computes waits from a clock the test controls; nothing here sleeps or measures time. */
class PacerTest {

	private static final long MS = 1_000_000L;

	private final AtomicLong now = new AtomicLong(5_000 * MS);

	private final Pacer pacer = new Pacer(Duration.ofSeconds(1), Duration.ofSeconds(3), 25, now::get);

	@Test
	void aPrivateChatGetsAboutOneMessagePerSecond() {
		assertThat(pacer.reserve(1, false)).isZero();
		assertThat(pacer.reserve(1, false)).isEqualTo(1_000 * MS);
		assertThat(pacer.reserve(1, false)).isEqualTo(2_000 * MS);
	}

	@Test
	void aGroupGetsTwentyMessagesPerMinute() {
		assertThat(pacer.reserve(-100, true)).isZero();
		assertThat(pacer.reserve(-100, true)).isEqualTo(3_000 * MS);
	}

	@Test
	void differentChatsAreSpacedToStayUnderThirtyPerSecondOverall() {
		long[] waits = new long[30];
		for (int chat = 0; chat < 30; chat++) {
			waits[chat] = pacer.reserve(chat, false);
		}

		assertThat(waits[1]).isEqualTo(40 * MS);
		assertThat(waits[29]).isEqualTo(29 * 40 * MS);
		// 30 messages to 30 chats take at least 1.16 s: at most 25 per second
		assertThat(waits[25] - waits[0]).isGreaterThanOrEqualTo(1_000 * MS);
	}

	@Test
	void aRetryAfterHoldsTheChat() {
		pacer.reserve(7, false);
		pacer.holdChat(7, Duration.ofSeconds(5));

		assertThat(pacer.reserve(7, false)).isEqualTo(5_000 * MS);
		assertThat(pacer.reserve(8, false)).as("other chats are not held").isEqualTo(40 * MS);
	}

	@Test
	void aFreeSlotBetweenLaterReservationsIsUsed() {
		pacer.reserve(1, false);
		pacer.reserve(1, false);
		pacer.reserve(1, false);

		assertThat(pacer.reserve(2, false)).as("between 0 and 1 s, not after 2 s").isEqualTo(40 * MS);
	}

	@Test
	void noMoreThanTheGlobalRateStartsInAnySecondHoweverLateTheSlotsRan() {
		for (int i = 0; i < 25; i++) {
			assertThat(pacer.admit()).isZero();
		}
		now.addAndGet(300 * MS);

		assertThat(pacer.admit()).isEqualTo(700 * MS);
		now.addAndGet(700 * MS);
		assertThat(pacer.admit()).isZero();
	}

	@Test
	void timeThatPassedIsNotWaitedAgain() {
		pacer.reserve(1, false);
		now.addAndGet(10_000 * MS);

		assertThat(pacer.reserve(1, false)).isZero();
	}

}
