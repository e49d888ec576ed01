package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pacing computes waits from a clock the test controls; nothing here sleeps. A turn
 * that must wait is handed to the scheduler with its delay, which the test reads (and
 * never runs). Telegram's numbers: 1 s per private chat, 3 s per group, 25 per second
 * overall.
 */
class PacingTest {

	private static final long MS = 1_000_000L;

	private static final Duration CHAT = Duration.ofSeconds(1);

	private static final Duration GROUP = Duration.ofSeconds(3);

	private final AtomicLong now = new AtomicLong(5_000 * MS);

	private final Pacing pacing = Pacing.evenly(25, new TimeMeter() {
		@Override
		public long currentTimeNanos() {
			return now.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}
	});

	private final Recorder scheduler = new Recorder();

	@AfterEach
	void stop() {
		scheduler.shutdownNow();
	}

	@Test
	void aPrivateChatGetsAboutOneMessagePerSecond() {
		assertThat(wait("1", CHAT)).isZero();
		assertThat(wait("1", CHAT)).isEqualTo(1_000 * MS);
		assertThat(wait("1", CHAT)).isEqualTo(2_000 * MS);
	}

	@Test
	void aGroupGetsTwentyMessagesPerMinute() {
		assertThat(wait("-100", GROUP)).isZero();
		assertThat(wait("-100", GROUP)).isEqualTo(3_000 * MS);
	}

	@Test
	void differentChatsAreSpacedToStayUnderThirtyPerSecondOverall() {
		long[] waits = new long[30];
		for (int chat = 0; chat < 30; chat++) {
			waits[chat] = wait(Integer.toString(chat), CHAT);
		}

		assertThat(waits[1]).isEqualTo(40 * MS);
		assertThat(waits[29]).isEqualTo(29 * 40 * MS);
		// 30 messages to 30 chats take at least 1.16 s: at most 25 per second
		assertThat(waits[25] - waits[0]).isGreaterThanOrEqualTo(1_000 * MS);
	}

	@Test
	void aChatWithAQueueDoesNotDelayOtherChats() {
		wait("1", CHAT);
		wait("1", CHAT);
		wait("1", CHAT);

		assertThat(wait("2", CHAT)).as("after the one message that went out, not after 2 s").isEqualTo(40 * MS);
	}

	@Test
	void timeThatPassedIsNotWaitedAgain() {
		wait("1", CHAT);
		now.addAndGet(10_000 * MS);

		assertThat(wait("1", CHAT)).isZero();
	}

	/** How long the turn waits, in nanoseconds: 0 when it may go at once. */
	private long wait(String recipient, Duration interval) {
		int before = scheduler.delays.size();
		CompletableFuture<Void> turn = pacing.turn(recipient, interval, scheduler);
		if (turn.isDone()) {
			return 0;
		}
		assertThat(scheduler.delays).hasSize(before + 1);
		return scheduler.delays.get(before);
	}

	/** Records the delays it is asked to wait, and never runs the task. */
	private static final class Recorder extends ScheduledThreadPoolExecutor {

		final List<Long> delays = new ArrayList<>();

		Recorder() {
			super(1);
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			delays.add(unit.toNanos(delay));
			return super.schedule(() -> {
			}, 1, TimeUnit.DAYS);
		}

	}

}
