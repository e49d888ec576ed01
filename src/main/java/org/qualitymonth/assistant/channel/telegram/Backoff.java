package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * Exponential backoff with jitter, capped at {@code max}. Also given to the library's long-polling
 * loop, whose own default grows to a 15-minute pause after a long outage.
 */
final class Backoff implements BackOff {

	private final Duration initial;

	private final Duration max;

	private int failures;

	Backoff(Duration initial, Duration max) {
		this.initial = initial;
		this.max = max;
	}

	Backoff(TelegramSettings.Retry retry) {
		this(retry.initialBackoff(), retry.maxBackoff());
	}

	/** The wait before retry number {@code retry} (1 for the first): initial·2^(retry-1), capped, 50-100% of it. */
	static Duration delay(int retry, Duration initial, Duration max) {
		long ceiling = initial.toMillis() << Math.min(Math.max(retry - 1, 0), 30);
		long capped = Math.min(Math.max(ceiling, 1), max.toMillis());
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(Math.max(jittered, 1));
	}

	@Override
	public synchronized void reset() {
		failures = 0;
	}

	@Override
	public synchronized long nextBackOffMillis() {
		failures++;
		return delay(failures, initial, max).toMillis();
	}

}
