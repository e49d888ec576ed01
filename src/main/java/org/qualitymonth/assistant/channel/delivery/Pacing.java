package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Keeps a channel's outbound messages under the platform's overall rate: a Bucket4j token bucket that
 * refills {@code perSecond} tokens a second, with no burst beyond that. A sender takes a token before
 * each message and waits for one when there is none.
 */
public final class Pacing {

	private final Bucket bucket;

	public Pacing(int perSecond) {
		if (perSecond < 1) {
			throw new IllegalArgumentException("a pace is at least one message a second");
		}
		this.bucket = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.build();
	}

	/** Waits until the next message may go out. */
	public void awaitTurn() throws InterruptedException {
		bucket.asBlocking().consume(1);
	}

}
