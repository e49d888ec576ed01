package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;

import org.qualitymonth.assistant.channel.delivery.Retrying;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * The delivery kit's exponential backoff with jitter ({@link Retrying#backoff}), capped
 * at {@code max}, given to the library's long-polling loop, whose own default grows to a
 * 15-minute pause after a long outage.
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

	@Override
	public synchronized void reset() {
		failures = 0;
	}

	@Override
	public synchronized long nextBackOffMillis() {
		failures++;
		return Retrying.backoff(failures, initial, max).toMillis();
	}

}
