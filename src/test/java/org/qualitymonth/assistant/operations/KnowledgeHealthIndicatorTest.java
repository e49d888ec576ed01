package org.qualitymonth.assistant.operations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.system.TestDataDirectory;
import org.qualitymonth.assistant.knowledge.KnowledgeLoader;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.KnowledgeBase;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeHealthIndicatorTest {

	@TempDir
	Path dir;

	private final AtomicReference<KnowledgeBase> serving = new AtomicReference<>();

	@Test
	void isDownUntilAKnowledgeBaseServesAndStaysUpWhenALaterReloadFails() throws Exception {
		Path intents = TestDataDirectory.copyIntents(dir.resolve("intents"));
		KnowledgeLoader loader = KnowledgeLoader.forNotice(Path.of("seeds/000_6176395c013b77c3.txt"), 10,
				Clock.systemUTC());
		KnowledgeReloader reloader = new KnowledgeReloader(loader, intents, serving::set, Clock.systemUTC());
		KnowledgeHealthIndicator indicator = new KnowledgeHealthIndicator(() -> Optional.ofNullable(serving.get()),
				reloader);

		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(indicator.health().getDetails()).containsKey("reason");

		assertThat(reloader.reload()).isTrue();
		Health up = indicator.health();
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsEntry("lastReloadOk", true)
			.containsEntry("version", reloader.status().version());

		Files.writeString(intents.resolve("55_broken.yaml"), "- id: x\n  answer: \"unclosed\n", StandardCharsets.UTF_8);
		assertThat(reloader.reload()).isFalse();
		Health stillUp = indicator.health();
		assertThat(stillUp.getStatus()).as("the last good knowledge base keeps answering").isEqualTo(Status.UP);
		assertThat(stillUp.getDetails()).containsEntry("lastReloadOk", false).containsEntry("reloadFailures", 1L);
	}

}
