package org.qualitymonth.assistant.querylog;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.nlu.TextNormalizer;
import org.qualitymonth.assistant.system.HostileText;

import static org.assertj.core.api.Assertions.fail;

/**
 * Properties of redaction on thousands of hostile texts (seeded; {@code -Dfuzz.seed=...}
 * replays or varies them): a resident ID with a valid check digit or a mainland mobile
 * number, written in any of the usual ways and set off from other digits by a visible
 * character, never survives, neither in the redactor alone nor on the way into the query
 * log (normaliser, then redactor), where full-width digits and invisible characters
 * inside the number are undone first.
 */
class RedactorPropertyTest {

	static final int TEXTS = 3000;

	/** Visible non-digits that set a number off from the hostile text around it. */
	static final List<String> SEPARATORS = List.of("，", "：", "。", "是", "号", "（", "）", "、", "a", "Z", "@x ", " 电话 ");

	private final Redactor redactor = new Redactor(List.of("caiyugang@samr.gov.cn"));

	private final TextNormalizer normalizer = new TextNormalizer();

	@Test
	void aResidentIdNeverSurvives() {
		long seed = HostileText.seed(440304L);
		HostileText hostile = new HostileText(seed);
		for (int i = 0; i < TEXTS; i++) {
			String id = residentId(hostile.random());
			String text = embed(hostile, written(id, hostile.random(), 6, 8));
			check(seed, i, text, id, redactor.redact(text), "redactor");
			check(seed, i, text, id, redactor.redact(normalizer.normalize(disguised(text, hostile.random()))),
					"query log");
		}
	}

	@Test
	void aMobileNumberNeverSurvives() {
		long seed = HostileText.seed(13800138000L);
		HostileText hostile = new HostileText(seed);
		for (int i = 0; i < TEXTS; i++) {
			String mobile = mobile(hostile.random());
			String written = written(mobile, hostile.random(), 3, 4);
			if (hostile.random().nextInt(4) == 0) {
				written = (hostile.random().nextBoolean() ? "+86" : "+86 ") + written;
			}
			String text = embed(hostile, written);
			check(seed, i, text, mobile, redactor.redact(text), "redactor");
			check(seed, i, text, mobile, redactor.redact(normalizer.normalize(disguised(text, hostile.random()))),
					"query log");
		}
	}

	@Test
	void neverThrowsAndASecondPassChangesNothing() {
		long seed = HostileText.seed(12315L);
		HostileText hostile = new HostileText(seed);
		for (int i = 0; i < TEXTS; i++) {
			String text = hostile.text(30);
			String once = redactor.redact(text);
			if (!redactor.redact(once).equals(once)) {
				fail("fuzz.seed=" + seed + ", text #" + i + ": a second pass changed " + once);
			}
		}
	}

	private void check(long seed, int index, String text, String number, String redacted, String where) {
		String digits = redacted.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
		if (digits.contains(number.toUpperCase(Locale.ROOT))) {
			fail("fuzz.seed=" + seed + ", text #" + index + " " + TextNormalizerEscape.escape(text) + ": " + number
					+ " survives the " + where + " in " + TextNormalizerEscape.escape(redacted));
		}
	}

	/** The number somewhere in hostile text, with a visible non-digit on either side. */
	private static String embed(HostileText hostile, String number) {
		Random random = hostile.random();
		return hostile.text(8) + SEPARATORS.get(random.nextInt(SEPARATORS.size())) + number
				+ SEPARATORS.get(random.nextInt(SEPARATORS.size())) + hostile.text(8);
	}

	/**
	 * In one run, or in groups ({@code head}, {@code middle}, the rest) split by spaces
	 * or dashes.
	 */
	private static String written(String number, Random random, int head, int middle) {
		return switch (random.nextInt(3)) {
			case 0 -> number;
			default -> {
				String gap = random.nextBoolean() ? " " : "-";
				yield number.substring(0, head) + gap + number.substring(head, head + middle) + gap
						+ number.substring(head + middle);
			}
		};
	}

	/**
	 * How a citizen's input may hide a number from a plain pattern: full-width digits,
	 * invisible characters between the digits. The normaliser undoes both before the
	 * redactor sees the text.
	 */
	private static String disguised(String text, Random random) {
		StringBuilder out = new StringBuilder();
		boolean fullWidth = random.nextBoolean();
		text.chars().forEach(c -> {
			if (c >= '0' && c <= '9') {
				out.append(fullWidth ? (char) ('０' + (c - '0')) : (char) c);
				if (random.nextInt(4) == 0) {
					out.append(random.nextBoolean() ? '\u200b' : '\u202e');
				}
			}
			else {
				out.append((char) c);
			}
		});
		return out.toString();
	}

	static String residentId(Random random) {
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 17; i++) {
			id.append(random.nextInt(10));
		}
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * weights[i];
		}
		char check = "10X98765432".charAt(sum % 11);
		return id.append(check == 'X' && random.nextBoolean() ? 'x' : check).toString();
	}

	static String mobile(Random random) {
		StringBuilder mobile = new StringBuilder("1").append(3 + random.nextInt(7));
		for (int i = 0; i < 9; i++) {
			mobile.append(random.nextInt(10));
		}
		return mobile.toString();
	}

	/**
	 * The escaping of the normaliser's property test, for failure messages that can be
	 * pasted into a test.
	 */
	private static final class TextNormalizerEscape {

		static String escape(String s) {
			StringBuilder out = new StringBuilder("\"");
			s.chars()
				.forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? String.valueOf((char) c)
						: "\\u%04x".formatted(c)));
			return out.append('"').toString();
		}

	}

}
