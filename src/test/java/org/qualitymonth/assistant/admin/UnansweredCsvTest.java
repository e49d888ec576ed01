package org.qualitymonth.assistant.admin;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.querylog.ReviewStatus;
import org.qualitymonth.assistant.querylog.UnansweredGroup;

import static org.assertj.core.api.Assertions.assertThat;

class UnansweredCsvTest {

	static UnansweredGroup group(String text) {
		return new UnansweredGroup(text, 3, OffsetDateTime.parse("2020-09-01T10:00:00+08:00"),
				OffsetDateTime.parse("2020-09-02T11:30:00+08:00"), List.of("telegram", "web"),
				List.of(new UnansweredGroup.IntentShare("theme", 0.4123), new UnansweredGroup.IntentShare("time", 0.2)),
				ReviewStatus.NEW, null);
	}

	@Test
	void startsWithAByteOrderMarkSoExcelReadsUtf8() {
		List<ReviewGroup> groups = ReviewGrouping.group(List.of(group("附近有什么好吃的")), new QuestionSimilarity(List.of()));
		byte[] csv = UnansweredCsv.write(groups);
		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
		assertThat(text).isEqualTo(UnansweredCsv.HEADER + "\r\n"
				+ "附近有什么好吃的,3,2020-09-01T10:00:00+08:00,2020-09-02T11:30:00+08:00,telegram web,new,,theme (0.41); time (0.20),"
				+ ReviewGrouping.id("附近有什么好吃的") + "\r\n");
	}

	@Test
	void quotesCellsWithCommasQuotesAndLineBreaks() {
		assertThat(UnansweredCsv.cell("a,b")).isEqualTo("\"a,b\"");
		assertThat(UnansweredCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(UnansweredCsv.cell("一\n二")).isEqualTo("\"一\n二\"");
		assertThat(UnansweredCsv.cell("普通问题")).isEqualTo("普通问题");
	}

	@Test
	void defusesCellsThatExcelWouldRunAsFormulas() {
		assertThat(UnansweredCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
		assertThat(UnansweredCsv.cell("+1")).isEqualTo("'+1");
		assertThat(UnansweredCsv.cell("-2")).isEqualTo("'-2");
		assertThat(UnansweredCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
	}

}
