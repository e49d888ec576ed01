package org.qualitymonth.assistant.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reply ids: unguessable for feedback, in time order for the query log's primary key. */
class ReplyIdTest {

	@Test
	void idsAreVersion7UuidsThatSortInTheOrderTheyWereMadeAcrossMilliseconds() throws InterruptedException {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			ids.add(ReplyComposer.newId());
			Thread.sleep(2);
		}
		for (String id : ids) {
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).as(id).isEqualTo(7);
			assertThat(uuid.variant()).as(id).isEqualTo(2);
		}
		assertThat(ids).isSorted();
	}

	@Test
	void idsMadeInTheSameMillisecondStillDiffer() {
		HashSet<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(ReplyComposer.newId());
		}
		assertThat(ids).hasSize(10_000);
	}

}
