package org.qualitymonth.assistant.querylog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.nlu.Candidate;
import org.qualitymonth.assistant.nlu.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class QueryRecorderTest {

	static final Instant NOW = Instant.parse("2020-09-01T02:00:00Z");

	@TempDir
	Path dir;

	Spool spool;

	QueryRecorder recorder;

	Pseudonyms pseudonyms;

	@BeforeEach
	void recorder() {
		spool = new Spool(dir.resolve("spool"), 1_000_000);
		pseudonyms = Pseudonyms.of("a test salt that is long enough", dir);
		recorder = new QueryRecorder(spool, new Redactor(List.of()), pseudonyms, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void close() throws IOException {
		spool.close();
	}

	static Reply reply(String id, Outcome outcome, String intent, String normalized) {
		return new Reply(id, outcome, intent, 0.3123, "answer", null, List.of(), List.of(), List
			.of(new Candidate("theme", 0.3123, 0.5), new Candidate("time", 0.2, 0.4), new Candidate("fax", 0.1, 0.1)),
				normalized, "kb1");
	}

	@Test
	void recordsEveryReplyRedactedAndPseudonymous() throws IOException {
		recorder.onReply(new Question("原文 13812345678", "telegram-chat-987654", "telegram"),
				reply("r1", Outcome.DECLINED, null, "原文 13812345678 身份证440304199001011233"));
		SpoolEntry entry = spooled().get(0);
		assertThat(entry.kind()).isEqualTo(SpoolEntry.Kind.QUESTION);
		assertThat(entry.id()).isEqualTo("r1");
		assertThat(entry.at()).isEqualTo(NOW);
		assertThat(entry.channel()).isEqualTo("telegram");
		assertThat(entry.user()).isEqualTo(pseudonyms.of("telegram-chat-987654")).doesNotContain("987654");
		assertThat(entry.text()).isEqualTo("原文 138****5678 身份证4403**********1233");
		assertThat(entry.outcome()).isEqualTo("declined");
		assertThat(entry.intent()).isNull();
		assertThat(entry.confidence()).isEqualTo(0.3123);
		assertThat(entry.candidates()).isEqualTo("theme=0.3123 time=0.2000 fax=0.1000");
		assertThat(entry.knowledgeVersion()).isEqualTo("kb1");
		assertThat(recorder.recorded()).isEqualTo(1);
	}

	@Test
	void recordsRatingsOfReplies() throws IOException {
		recorder.onFeedback("r1", false);
		assertThat(spooled()).containsExactly(SpoolEntry.feedback("r1", false, NOW));
	}

	@Test
	void masksNumbersBeforeCuttingALongQuestionToTheColumnSize() throws IOException {
		String longText = "问".repeat(QueryRecorder.MAX_TEXT - 5) + "13812345678";
		recorder.onReply(new Question(longText, null, "web"), reply("r2", Outcome.DECLINED, null, longText));
		SpoolEntry entry = spooled().get(0);
		assertThat(entry.text()).hasSize(QueryRecorder.MAX_TEXT).endsWith("138**").doesNotContain("1381234");
		assertThat(entry.user()).isNull();
	}

	@Test
	void neverThrowsAndCountsWhatItCouldNotRecord() throws IOException {
		spool.close();
		assertThatCode(() -> {
			recorder.onReply(new Question("x", "s", "api"), reply("r3", Outcome.ANSWERED, "theme", "x"));
			recorder.onFeedback("r3", true);
			recorder.onReply(new Question("x", "s", "api"), new Reply("r4", Outcome.ANSWERED, "theme", 1, "a", null,
					List.of(), List.of(), List.of(), null, null));
		}).doesNotThrowAnyException();
		assertThat(recorder.dropped()).isEqualTo(3);
		assertThat(recorder.recorded()).isZero();
	}

	@Test
	void ignoresRatingsWithoutAPlausibleReplyId() throws IOException {
		recorder.onFeedback("", true);
		recorder.onFeedback("x".repeat(65), true);
		assertThat(spooled()).isEmpty();
	}

	private List<SpoolEntry> spooled() throws IOException {
		spool.rotate();
		List<SpoolEntry> entries = new ArrayList<>();
		for (Path segment : spool.closedSegments()) {
			entries.addAll(SpoolTest.readAll(spool, segment));
		}
		return entries;
	}

}
