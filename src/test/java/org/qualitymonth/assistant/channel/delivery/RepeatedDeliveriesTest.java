package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedDeliveriesTest {

	@Test
	void aRepeatedDeliveryGetsTheFirstResultAndAFailedOneMayTryAgain() {
		RepeatedDeliveries<String> deliveries = new RepeatedDeliveries<>(Duration.ofMinutes(1), 100);
		AtomicInteger runs = new AtomicInteger();

		RepeatedDeliveries.Claim<String> first = deliveries.claim("m1",
				() -> CompletableFuture.completedFuture("answer " + runs.incrementAndGet()));
		RepeatedDeliveries.Claim<String> retry = deliveries.claim("m1",
				() -> CompletableFuture.completedFuture("answer " + runs.incrementAndGet()));
		deliveries.claim("m2", () -> CompletableFuture.failedFuture(new IllegalStateException("down")));
		RepeatedDeliveries.Claim<String> again = deliveries.claim("m2",
				() -> CompletableFuture.completedFuture("recovered"));

		assertThat(first.fresh()).isTrue();
		assertThat(retry.fresh()).isFalse();
		assertThat(retry.result().join()).isEqualTo("answer 1");
		assertThat(runs).hasValue(1);
		assertThat(again.fresh()).isTrue();
		assertThat(again.result().join()).isEqualTo("recovered");
	}

}
