package org.qualitymonth.assistant.querylog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CandidatesFormatTest {

	@Test
	void writesPairsWithFourDecimalsAndReadsThemBack() {
		Map<String, Double> candidates = new LinkedHashMap<>();
		candidates.put("theme", 0.92381);
		candidates.put("dates", 0.05);
		candidates.put("contact", 0.0);
		candidates.put("organisers", 1.0);

		String formatted = QueryLogRepository.formatCandidates(candidates);

		assertThat(formatted).isEqualTo("theme=0.9238 dates=0.0500 contact=0.0000 organisers=1.0000");
		assertThat(QueryLogRepository.parseCandidates(formatted)).containsEntry("theme", 0.9238)
			.containsEntry("organisers", 1.0)
			.hasSize(4);
	}

	@Test
	void agreesWithStringFormatToTheLastDecimal() {
		Random random = new Random(16);
		for (int i = 0; i < 100_000; i++) {
			double p = i % 10 == 0 ? -random.nextDouble() * 3 : random.nextDouble();
			StringBuilder fast = new StringBuilder();
			QueryLogRepository.appendFourDecimals(fast, p);
			String expected = String.format(Locale.ROOT, "%.4f", p);
			// both round half up; they may differ only where the double lies within a
			// rounding error of a half
			assertThat(Double.parseDouble(fast.toString())).as("%s", p)
				.isCloseTo(Double.parseDouble(expected), within(1.0001e-4));
			assertThat(fast.toString()).as("%s", p).hasSize(expected.length());
		}
	}

	@Test
	void keepsWhatItCannotShortenAsStringFormatWritesIt() {
		StringBuilder out = new StringBuilder();
		QueryLogRepository.appendFourDecimals(out, Double.NaN);
		out.append(' ');
		QueryLogRepository.appendFourDecimals(out, -0.00001);
		out.append(' ');
		QueryLogRepository.appendFourDecimals(out, 12.5);
		assertThat(out).hasToString("NaN -0.0000 12.5000");
	}

}
