package org.qualitymonth.assistant.nlu;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings a citizen's question into one canonical form before anything matches on it:
 * full-width to half-width, traditional to simplified (HanLP's conversion tables), lower
 * case, and zero-width, control, bidi, emoji and punctuation characters removed or turned
 * into spaces.
 */
public final class TextNormalizer {

	/**
	 * Zero-width and bidi controls are removed outright so they cannot split a word
	 * ("质\u200b量").
	 */
	private static final Pattern INVISIBLE = Pattern
		.compile("[\\p{Cf}\\u200B-\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u206F\\uFEFF\\uFE00-\\uFE0F]");

	/**
	 * Everything that is not a letter, digit or the @ of an address becomes a separator.
	 */
	private static final Pattern NOISE = Pattern
		.compile("[^\\p{L}\\p{N}@._+-]+|(?<![\\p{L}\\p{N}])[._+-]|[._+-](?![\\p{L}\\p{N}])");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	/**
	 * Years written in Chinese numerals ("二零二零年") become digits, so "2020" matches both.
	 */
	private static final Pattern CHINESE_YEAR = Pattern.compile("([零〇一二三四五六七八九]{4})(?=年)");

	private static final String CHINESE_DIGITS = "零一二三四五六七八九";

	public String normalize(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String s = INVISIBLE.matcher(text).replaceAll("");
		s = Normalizer.normalize(s, Normalizer.Form.NFKC);
		s = simplified(s);
		s = s.toLowerCase(Locale.ROOT);
		s = CHINESE_YEAR.matcher(s).replaceAll(m -> digits(m.group(1)));
		s = NOISE.matcher(s).replaceAll(" ");
		return SPACES.matcher(s).replaceAll(" ").strip();
	}

	/**
	 * HanLP's tables chain a few characters (薴 -> 苧 -> 苎), so one pass is not always the
	 * end: convert until nothing changes, or a normalised text (a logged question added
	 * as an example) would normalise differently again.
	 */
	private static String simplified(String s) {
		String previous = s;
		for (int pass = 0; pass < 3; pass++) {
			String next = ScriptConversion.TRADITIONAL_TO_SIMPLIFIED.convert(previous);
			if (next.equals(previous)) {
				return next;
			}
			previous = next;
		}
		return previous;
	}

	private static String digits(String chinese) {
		StringBuilder out = new StringBuilder();
		for (char c : chinese.toCharArray()) {
			out.append(c == '〇' ? 0 : CHINESE_DIGITS.indexOf(c));
		}
		return out.toString();
	}

}
