package org.qualitymonth.assistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class IntentDirectoryWatcherTest {

	@TempDir
	Path dir;

	private final List<KnowledgeBase> installed = new ArrayList<>();

	private KnowledgeReloader reloader;

	private IntentDirectoryWatcher watcher;

	@BeforeEach
	void start() throws Exception {
		write("a.yaml", "- id: phone\n  answer: 电话010-82262033\n  examples: [电话, 座机]\n");
		write("z.yaml", "- id: out_of_scope\n  answer: 抱歉\n  examples: [天气, 唱歌]\n");
		reloader = new KnowledgeReloader(
				new KnowledgeLoader(new NoticeGrounding("电话：010-82262033"), 2, Clock.systemUTC()), dir, installed::add,
				Clock.systemUTC());
		assertThat(reloader.reload()).isTrue();
		watcher = new IntentDirectoryWatcher(reloader);
	}

	@Test
	void reloadsAChangedFileOnceItIsStable() throws Exception {
		write("a.yaml", "- id: phone\n  answer: 电话010-88886666\n  examples: [电话, 座机]\n");
		watcher.poll();
		assertThat(installed).hasSize(1);
		watcher.poll();
		assertThat(installed).hasSize(2);
		assertThat(installed.get(1).intent("phone").answer()).contains("010-88886666");
		watcher.poll();
		assertThat(installed).hasSize(2);
	}

	@Test
	void neverTriesAFileCaughtHalfWritten() throws Exception {
		String full = "- id: phone\n  answer: 电话010-88886666\n  examples: [电话, 座机]\n";
		write("a.yaml", full.substring(0, 20));
		watcher.poll();
		write("a.yaml", full);
		watcher.poll();
		assertThat(installed).hasSize(1);
		assertThat(reloader.status().failures()).as("the half-written file was not even tried").isZero();
		watcher.poll();
		assertThat(installed).hasSize(2);
		assertThat(installed.get(1).intent("phone").answer()).contains("010-88886666");
	}

	@Test
	void keepsTheLastGoodKnowledgeWhenAFileBreaksAndReportsIt() throws Exception {
		write("broken.yaml", "intents:\n  - id: x\n    answer: \"unclosed\n");
		watcher.poll();
		watcher.poll();
		assertThat(installed).hasSize(1);
		KnowledgeStatus status = reloader.status();
		assertThat(status.lastReloadOk()).isFalse();
		assertThat(status.version()).isEqualTo(installed.get(0).version());
		assertThat(status.lastError().problems()).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("broken.yaml");
			assertThat(p.line()).isPositive();
		});
		Files.delete(dir.resolve("broken.yaml"));
		watcher.poll();
		watcher.poll();
		assertThat(reloader.status().lastReloadOk()).isTrue();
		assertThat(reloader.status().lastError()).isNotNull();
	}

	@Test
	void noticesNewAndDeletedFiles() throws Exception {
		String before = IntentDirectoryWatcher.fingerprint(dir);
		write("b.yaml", "- id: fax\n  answer: 传真\n  examples: [传真, fax]\n");
		assertThat(IntentDirectoryWatcher.fingerprint(dir)).isNotEqualTo(before);
		Files.delete(dir.resolve("b.yaml"));
		assertThat(IntentDirectoryWatcher.fingerprint(dir)).isEqualTo(before);
		assertThat(IntentDirectoryWatcher.fingerprint(dir.resolve("nowhere"))).isEqualTo("missing");
	}

	private void write(String name, String content) throws Exception {
		Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

}
