package org.qualitymonth.assistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.system.TestDataDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intent files saved only in part (an editor or a copy cut short, a full disk) on a copy
 * of the shipped files: each is rejected with the file named, the last good knowledge
 * base keeps serving, and the complete file loads again.
 */
class HalfWrittenIntentFileTest {

	static final String CONTACTS = "80_contact.yaml";

	@TempDir
	Path dir;

	final List<KnowledgeBase> installed = new ArrayList<>();

	KnowledgeReloader reloader;

	byte[] complete;

	@BeforeEach
	void loadTheShippedFiles() throws Exception {
		TestDataDirectory.copyIntents(dir);
		complete = Files.readAllBytes(dir.resolve(CONTACTS));
		NoticeGrounding notice = new NoticeGrounding(
				Files.readString(Path.of("seeds/000_6176395c013b77c3.txt"), StandardCharsets.UTF_8));
		reloader = new KnowledgeReloader(new KnowledgeLoader(notice, 10, Clock.systemUTC()), dir, installed::add,
				Clock.systemUTC());
		assertThat(reloader.reload()).isTrue();
	}

	@Test
	void aFileCutToNothingIsRejected() throws Exception {
		assertRejectedThenRecovered(new byte[0]);
		assertRejectedThenRecovered("# 字段说明\n\n".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aFileCutInsideAChineseCharacterIsRejected() throws Exception {
		int cut = indexOf("联系人：") + 2; // the second of the three bytes of 联
		assertRejectedThenRecovered(Arrays.copyOf(complete, cut));
	}

	@Test
	void aFileCutInsideAQuotedOrFoldedAnswerOrBeforeTheExamplesIsRejected() throws Exception {
		// after "answer: >-" with the text still to come: the intent has no answer
		assertRejectedThenRecovered(Arrays.copyOf(complete, indexOf("answer: >-") + "answer: >-\n".length()));
		// after the answer, before "examples:": the intent has no examples
		assertRejectedThenRecovered(Arrays.copyOf(complete, indexOf("    examples:")));
		// in the middle of the key of the next field
		assertRejectedThenRecovered(Arrays.copyOf(complete, indexOf("    examples:") + 7));
	}

	@Test
	void everyCutInsideTheFirstIntentIsRejected() throws Exception {
		int firstIntent = indexOf("  - id: contact_person");
		int secondIntent = indexOf("  - id:", firstIntent + 1);
		for (int cut = firstIntent; cut < secondIntent; cut += 97) {
			// some cuts leave valid YAML without the intent; then the files whose related
			// topics name it say so
			assertRejected(Arrays.copyOf(complete, cut));
		}
	}

	private void assertRejectedThenRecovered(byte[] partial) throws Exception {
		assertRejected(partial);
		assertThat(reloader.status().lastError().problems()).as("the problems name the file")
			.anySatisfy(p -> assertThat(p.file()).isEqualTo(CONTACTS));
	}

	private void assertRejected(byte[] partial) throws Exception {
		KnowledgeBase serving = installed.get(installed.size() - 1);
		Files.write(dir.resolve(CONTACTS), partial);
		assertThat(reloader.reload()).as("a reload of %d of %d bytes", partial.length, complete.length).isFalse();
		assertThat(installed).as("nothing new installed").last().isSameAs(serving);
		KnowledgeStatus status = reloader.status();
		assertThat(status.version()).as("the last good version keeps serving").isEqualTo(serving.version());
		assertThat(status.lastError().problems()).isNotEmpty();

		Files.write(dir.resolve(CONTACTS), complete);
		assertThat(reloader.reload()).as("the complete file loads again").isTrue();
		assertThat(installed.get(installed.size() - 1).version()).isEqualTo(serving.version());
	}

	private int indexOf(String text) {
		return indexOf(text, 0);
	}

	private int indexOf(String text, int from) {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		outer: for (int i = from; i <= complete.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (complete[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new AssertionError(text + " not in " + CONTACTS);
	}

}
