package org.qualitymonth.assistant.channel.delivery;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanesTest {

	private final ExecutorService executor = Executors.newFixedThreadPool(2);

	private final Lanes lanes = new Lanes(executor);

	@AfterEach
	void stop() {
		executor.shutdownNow();
	}

	@Test
	void chainedWorkForOneRecipientStartsOnlyWhenTheWorkBeforeHasFinished() throws Exception {
		List<String> done = new CopyOnWriteArrayList<>();
		CompletableFuture<String> slow = new CompletableFuture<>();

		CompletableFuture<String> first = lanes.chain("chat-1", () -> slow.thenApply(value -> record(done, value)));
		CompletableFuture<String> second = lanes.chain("chat-1",
				() -> CompletableFuture.supplyAsync(() -> record(done, "二"), executor));
		CompletableFuture<String> other = lanes.chain("chat-2",
				() -> CompletableFuture.supplyAsync(() -> record(done, "别的"), executor));

		assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("别的");
		assertThat(second).as("waits for the first").isNotDone();
		slow.complete("一");

		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("二");
		assertThat(first).isCompletedWithValue("一");
		assertThat(done).containsExactly("别的", "一", "二");
	}

	@Test
	void aFailureIsTheCallersAndTheLaneGoesOn() throws Exception {
		CompletableFuture<String> failed = lanes.chain("chat-1",
				() -> CompletableFuture.failedFuture(new IllegalStateException("refused")));
		CompletableFuture<String> next = lanes.chain("chat-1", () -> CompletableFuture.completedFuture("next"));

		assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo("next");
		assertThat(failed).isCompletedExceptionally();
	}

	private static String record(List<String> done, String value) {
		done.add(value);
		return value;
	}

}
