package org.qualitymonth.assistant.nlu;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.HostileText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Properties of the normaliser on thousands of hostile texts (seeded;
 * {@code -Dfuzz.seed=...} replays or varies them): it never throws, a second pass changes
 * nothing, and what comes out holds only letters, digits, the few characters of addresses
 * and numbers, and single spaces: no control, format (zero-width, bidi), separator or
 * surrogate character survives.
 */
class TextNormalizerPropertyTest {

	static final int TEXTS = 3000;

	private final TextNormalizer normalizer = new TextNormalizer();

	@Test
	void neverThrowsIsIdempotentAndLeavesOnlyLettersDigitsAndSingleSpaces() {
		long seed = HostileText.seed(20200901L);
		HostileText hostile = new HostileText(seed);
		for (int i = 0; i < TEXTS; i++) {
			String text = hostile.text(30);
			String once;
			try {
				once = normalizer.normalize(text);
			}
			catch (RuntimeException ex) {
				throw new AssertionError(failure(seed, i, text, "threw " + ex), ex);
			}
			String twice = normalizer.normalize(once);
			if (!twice.equals(once)) {
				fail(failure(seed, i, text, "not idempotent: " + escape(once) + " -> " + escape(twice)));
			}
			String problem = unclean(once);
			if (problem != null) {
				fail(failure(seed, i, text, problem + " in " + escape(once)));
			}
		}
	}

	@Test
	void invisibleCharactersAnywhereChangeNothing() {
		long seed = HostileText.seed(20200930L);
		HostileText hostile = new HostileText(seed);
		int[] invisible = { 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x202A, 0x202E, 0x2066, 0x2069, 0x200E,
				0x200F, 0x061C, 0xFE0F, 0xE0041 };
		for (int i = 0; i < TEXTS; i++) {
			String text = hostile.text(10);
			StringBuilder sprinkled = new StringBuilder();
			text.codePoints().forEach(cp -> {
				if (hostile.random().nextInt(3) == 0) {
					sprinkled.appendCodePoint(invisible[hostile.random().nextInt(invisible.length)]);
				}
				sprinkled.appendCodePoint(cp);
			});
			if (!normalizer.normalize(sprinkled.toString()).equals(normalizer.normalize(text))) {
				fail(failure(seed, i, text, "changed by invisible characters: " + escape(sprinkled.toString())));
			}
		}
		assertThat(normalizer.normalize("质\u200b量\u200b月的主题是什么")).isEqualTo(normalizer.normalize("质量月的主题是什么"));
	}

	/** Why the output is not clean, or null when it is. */
	static String unclean(String normalized) {
		if (normalized.startsWith(" ") || normalized.endsWith(" ") || normalized.contains("  ")) {
			return "stray spaces";
		}
		for (int i = 0; i < normalized.length();) {
			int cp = normalized.codePointAt(i);
			int type = Character.getType(cp);
			boolean allowed = Character.isLetter(cp) || Character.isDigit(cp) || type == Character.LETTER_NUMBER
					|| type == Character.OTHER_NUMBER || "@._+- ".indexOf(cp) >= 0;
			if (!allowed || type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
				return "U+%04X (type %d)".formatted(cp, type);
			}
			i += Character.charCount(cp);
		}
		return null;
	}

	static String failure(long seed, int index, String text, String what) {
		return "fuzz.seed=" + seed + ", text #" + index + " " + escape(text) + ": " + what;
	}

	/** Java-escaped, so that the failing input can be pasted into a test. */
	static String escape(String s) {
		StringBuilder out = new StringBuilder("\"");
		s.chars()
			.forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? String.valueOf((char) c)
					: (c >= 0x4E00 && c <= 0x9FFF ? String.valueOf((char) c) : "\\u%04x".formatted(c))));
		return out.append('"').toString();
	}

}
