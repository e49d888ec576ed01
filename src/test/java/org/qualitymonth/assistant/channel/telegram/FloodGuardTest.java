package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.chat.FloodControl;
import org.qualitymonth.assistant.chat.RateLimitSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qualitymonth.assistant.channel.telegram.FloodGuard.Verdict.ALLOW;
import static org.qualitymonth.assistant.channel.telegram.FloodGuard.Verdict.DROP;
import static org.qualitymonth.assistant.channel.telegram.FloodGuard.Verdict.WARN;

class FloodGuardTest {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	/** Three questions per six seconds: one more every two seconds. */
	private final FloodGuard guard = new FloodGuard(new FloodControl(
			new RateLimitSettings(true, 3, Duration.ofSeconds(6), 1000), new TimeMeter() {
				@Override
				public long currentTimeNanos() {
					return now.get();
				}

				@Override
				public boolean isWallClockBased() {
					return false;
				}
			}));

	@Test
	void allowsABurstThenWarnsOnceThenDrops() {
		assertThat(new FloodGuard.Verdict[] { guard.check(1), guard.check(1), guard.check(1), guard.check(1),
				guard.check(1), guard.check(1) })
			.containsExactly(ALLOW, ALLOW, ALLOW, WARN, DROP, DROP);
	}

	@Test
	void earnsOneMessageBackPerRefillAndWarnsAgainInTheNextFlood() {
		for (int i = 0; i < 5; i++) {
			guard.check(1);
		}
		now.addAndGet(Duration.ofSeconds(2).toNanos());

		assertThat(guard.check(1)).isEqualTo(ALLOW);
		assertThat(guard.check(1)).isEqualTo(WARN);
		assertThat(guard.check(1)).isEqualTo(DROP);
	}

	@Test
	void aLongPauseRefillsNoMoreThanTheBurst() {
		guard.check(1);
		now.addAndGet(Duration.ofHours(1).toNanos());

		assertThat(new FloodGuard.Verdict[] { guard.check(1), guard.check(1), guard.check(1), guard.check(1) })
			.containsExactly(ALLOW, ALLOW, ALLOW, WARN);
	}

	@Test
	void oneCitizensFloodLeavesOthersAlone() {
		for (int i = 0; i < 100; i++) {
			guard.check(1);
		}

		assertThat(guard.check(2)).isEqualTo(ALLOW);
		assertThat(guard.check(3)).isEqualTo(ALLOW);
	}

}
