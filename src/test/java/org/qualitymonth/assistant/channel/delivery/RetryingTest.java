package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingTest {

	/**
	 * A failure that names how long to wait, like Telegram's 429 or WeChat's quota error.
	 */
	static final class SlowDown extends RuntimeException {

		final Duration wait;

		SlowDown(Duration wait) {
			this.wait = wait;
		}

	}

	private final Retrying retrying = new Retrying("test", 3, Duration.ofMillis(1), Duration.ofMillis(2),
			ex -> !(ex instanceof IllegalArgumentException),
			ex -> ex instanceof SlowDown slow ? Optional.of(slow.wait) : Optional.empty());

	@Test
	void waitsAsLongAsThePlatformAsksBeforeTryingAgain() throws Throwable {
		AtomicInteger attempts = new AtomicInteger();
		long started = System.nanoTime();

		retrying.run(() -> {
			if (attempts.incrementAndGet() == 1) {
				throw new SlowDown(Duration.ofMillis(300));
			}
		});

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(attempts).hasValue(2);
		assertThat(retrying.retries()).isEqualTo(1);
	}

	@Test
	void givesUpAfterTheLastAttemptAndNeverRetriesAPermanentFailure() {
		AtomicInteger transientAttempts = new AtomicInteger();
		AtomicInteger permanentAttempts = new AtomicInteger();

		assertThatThrownBy(() -> retrying.run(() -> {
			transientAttempts.incrementAndGet();
			throw new IllegalStateException("busy");
		})).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> retrying.run(() -> {
			permanentAttempts.incrementAndGet();
			throw new IllegalArgumentException("wrong recipient");
		})).isInstanceOf(IllegalArgumentException.class);

		assertThat(transientAttempts).hasValue(3);
		assertThat(permanentAttempts).hasValue(1);
	}

	@Test
	void backsOffExponentiallyWithinTheCap() {
		for (int retry = 1; retry < 40; retry++) {
			Duration wait = Retrying.backoff(retry, Duration.ofMillis(100), Duration.ofSeconds(2));
			long ceiling = Math.min(100L << Math.min(retry - 1, 30), 2000);
			assertThat(wait.toMillis()).isBetween(ceiling / 2, ceiling);
		}
	}

}
