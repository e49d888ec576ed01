package org.qualitymonth.assistant.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.KnowledgeStatus;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The poller's decisions, around a mocked version row and reloader (the real ones run in
 * ReplicasIT).
 */
class KnowledgeVersionPollerTest {

	@TempDir
	Path intents;

	final ClusterTables tables = mock(ClusterTables.class);

	final KnowledgeReloader reloader = mock(KnowledgeReloader.class);

	final AtomicReference<String> serving = new AtomicReference<>("v0");

	KnowledgeVersionPoller poller;

	@BeforeEach
	void wire() throws Exception {
		KnowledgeStatus status = mock(KnowledgeStatus.class);
		when(status.version()).thenAnswer(call -> serving.get());
		when(reloader.status()).thenReturn(status);
		when(reloader.directory()).thenReturn(intents);
		Files.writeString(intents.resolve("a.yaml"), "old");
		poller = new KnowledgeVersionPoller(tables, reloader, Duration.ofSeconds(1));
	}

	@Test
	void reloadsOnceWhenAnotherReplicaPublishesAnEdit() throws Exception {
		when(tables.publishedVersion()).thenReturn("v0");
		poller.poll();
		when(tables.publishedVersion()).thenReturn("v1");
		Files.writeString(intents.resolve("a.yaml"), "new content");
		when(reloader.reload()).thenAnswer(call -> {
			serving.set("v1");
			return true;
		});
		poller.poll();
		poller.poll();
		verify(reloader, times(1)).reload();
	}

	@Test
	void aStaleRowDoesNotMakeTheReplicaTrainAgain() throws Exception {
		when(tables.publishedVersion()).thenReturn("v0");
		poller.poll();
		// staff edited the files on the volume; this replica's watcher loaded them, the
		// row still says v0
		serving.set("v2");
		Files.writeString(intents.resolve("a.yaml"), "edited on the volume");
		poller.poll();
		poller.poll();
		verify(reloader, never()).reload();
	}

	@Test
	void aVolumeThatLagsIsTriedAgainOnlyWhenWhatItShowsChanges() throws Exception {
		when(tables.publishedVersion()).thenReturn("v0");
		poller.poll();
		when(tables.publishedVersion()).thenReturn("v1");
		when(reloader.reload()).thenReturn(true);
		poller.poll();
		poller.poll();
		verify(reloader, times(1)).reload();
		Files.writeString(intents.resolve("a.yaml"), "the edit arrives");
		when(reloader.reload()).thenAnswer(call -> {
			serving.set("v1");
			return true;
		});
		poller.poll();
		poller.poll();
		verify(reloader, times(2)).reload();
	}

}
