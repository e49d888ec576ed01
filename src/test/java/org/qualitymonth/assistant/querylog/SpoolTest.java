package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolTest {

	@TempDir
	Path dir;

	static SpoolEntry entry(String id) {
		return new SpoolEntry(SpoolEntry.Kind.QUESTION, id, Instant.parse("2020-09-01T02:00:00Z"), "web", "u1",
				"附近有什么好吃的 138****5678", "declined", null, 0.31, "theme=0.3100", "v1", null);
	}

	@Test
	void readsBackWhatWasAppendedAfterRotation() throws IOException {
		try (Spool spool = new Spool(dir, 1_000_000)) {
			assertThat(spool.append(entry("a"))).isTrue();
			assertThat(spool.append(SpoolEntry.feedback("a", true, Instant.parse("2020-09-01T02:00:05Z")))).isTrue();
			assertThat(spool.closedSegments()).isEmpty();
			spool.rotate();
			List<Path> closed = spool.closedSegments();
			assertThat(closed).hasSize(1);
			assertThat(readAll(spool, closed.get(0))).containsExactly(entry("a"),
					SpoolEntry.feedback("a", true, Instant.parse("2020-09-01T02:00:05Z")));
			long pending = spool.pendingBytes();
			assertThat(pending).isEqualTo(Files.size(closed.get(0)));
			spool.delete(closed.get(0));
			assertThat(spool.pendingBytes()).isZero();
		}
	}

	@Test
	void findsEverythingAPreviousRunLeftBehind() throws IOException {
		try (Spool first = new Spool(dir, 1_000_000)) {
			first.append(entry("a"));
			first.append(entry("b"));
		}
		try (Spool second = new Spool(dir, 1_000_000)) {
			assertThat(second.pendingBytes()).isPositive();
			List<SpoolEntry> replayed = new ArrayList<>();
			for (Path segment : second.closedSegments()) {
				replayed.addAll(readAll(second, segment));
			}
			assertThat(replayed).extracting(SpoolEntry::id).containsExactly("a", "b");
		}
	}

	@Test
	void keepsEntriesOfAProcessKilledWithoutWarning() throws Exception {
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SpoolWritingProcess.class.getName(), dir.toString(), "25")
			.redirectErrorStream(true)
			.start();
		String ready = new String(child.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
		assertThat(ready).isEqualTo("ready\n");
		child.destroyForcibly();
		assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		try (Spool spool = new Spool(dir, 1_000_000)) {
			List<SpoolEntry> replayed = new ArrayList<>();
			for (Path segment : spool.closedSegments()) {
				replayed.addAll(readAll(spool, segment));
			}
			assertThat(replayed).hasSize(25);
			assertThat(replayed.get(24).id()).isEqualTo("killed-24");
		}
	}

	@Test
	void skipsALineCutShortByACrashButKeepsTheOthers() throws IOException {
		try (Spool spool = new Spool(dir, 1_000_000)) {
			spool.append(entry("a"));
			spool.rotate();
			Path segment = spool.closedSegments().get(0);
			Files.writeString(segment, "{\"kind\":\"QUESTION\",\"id\":\"b\",\"at\":\"2020-", StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
			assertThat(readAll(spool, segment)).extracting(SpoolEntry::id).containsExactly("a");
		}
	}

	@Test
	void refusesEntriesBeyondItsLimit() throws IOException {
		try (Spool spool = new Spool(dir, 600)) {
			int accepted = 0;
			for (int i = 0; i < 10; i++) {
				if (spool.append(entry("e" + i))) {
					accepted++;
				}
			}
			assertThat(accepted).isBetween(1, 4);
			assertThat(spool.pendingBytes()).isLessThanOrEqualTo(600);
		}
	}

	@Test
	void refusesASecondUserOfTheSameDirectory() throws IOException {
		try (Spool spool = new Spool(dir, 1_000_000)) {
			assertThatThrownBy(() -> new Spool(dir, 1_000_000)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("own bot.data-dir");
		}
		new Spool(dir, 1_000_000).close();
	}

	/** Run in a child JVM: appends entries, says ready, then waits to be killed. */
	static final class SpoolWritingProcess {

		public static void main(String[] args) throws Exception {
			Spool spool = new Spool(Path.of(args[0]), 1_000_000);
			for (int i = 0; i < Integer.parseInt(args[1]); i++) {
				if (!spool.append(entry("killed-" + i))) {
					System.exit(3);
				}
			}
			System.out.print("ready\n");
			System.out.flush();
			Thread.sleep(60_000);
		}

	}

	/** Every entry of a segment, in one list. */
	static List<SpoolEntry> readAll(Spool spool, Path segment) throws IOException {
		List<SpoolEntry> entries = new ArrayList<>();
		spool.read(segment, Integer.MAX_VALUE, entries::addAll);
		return entries;
	}

}
