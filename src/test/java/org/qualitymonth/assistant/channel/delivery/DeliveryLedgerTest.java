package org.qualitymonth.assistant.channel.delivery;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryLedgerTest {

	private final DeliveryLedger ledger = new DeliveryLedger(1000);

	@Test
	void aSecondDeliveryWhileInHandSharesTheFirstOnesFuture() {
		DeliveryLedger.Claim first = ledger.claim(10);
		DeliveryLedger.Claim again = ledger.claim(10);

		assertThat(first.fresh()).isTrue();
		assertThat(again.fresh()).isFalse();
		assertThat(again.handled()).isSameAs(first.handled()).isNotDone();

		ledger.finish(10);

		assertThat(first.handled()).isDone();
	}

	@Test
	void aDeliveryAfterHandlingIsADuplicate() {
		ledger.claim(10);
		ledger.finish(10);

		DeliveryLedger.Claim late = ledger.claim(10);

		assertThat(late.fresh()).isFalse();
		assertThat(late.handled()).isDone();
	}

	@Test
	void theOffsetStaysAtTheOldestUpdateInHand() {
		assertThat(ledger.offset(9)).isEqualTo(10);
		ledger.claim(5);
		ledger.claim(7);

		assertThat(ledger.offset(9)).isEqualTo(5);
		ledger.finish(5);
		assertThat(ledger.offset(9)).isEqualTo(7);
		ledger.finish(7);
		assertThat(ledger.offset(9)).isEqualTo(10);
	}

	@Test
	void forgetsTheOldestWhenFull() {
		DeliveryLedger small = new DeliveryLedger(2);
		for (int id = 1; id <= 3; id++) {
			small.claim(id);
			small.finish(id);
		}

		assertThat(small.claim(1).fresh()).isTrue();
		assertThat(small.claim(3).fresh()).isFalse();
	}

	@Test
	void awaitIdleReturnsOnceTheLastUpdateIsFinished() throws Exception {
		ledger.claim(1);
		assertThat(ledger.awaitIdle(Duration.ofMillis(5))).isFalse();

		Thread finisher = new Thread(() -> ledger.finish(1));
		finisher.start();

		assertThat(ledger.awaitIdle(Duration.ofSeconds(30))).isTrue();
		finisher.join();
	}

}
