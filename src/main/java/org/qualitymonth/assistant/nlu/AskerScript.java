package org.qualitymonth.assistant.nlu;

import java.util.Set;

/**
 * The language and script a citizen wrote in, told from the raw text before
 * normalisation.
 *
 * @param language Chinese, English or another language
 * @param script for Chinese, the script to answer in
 */
public record AskerScript(Language language, Script script) {

	public static final AskerScript SIMPLIFIED_CHINESE = new AskerScript(Language.ZH, Script.SIMPLIFIED);

	/**
	 * Cantonese words written in Hong Kong that the Taiwan and general forms do not use.
	 */
	private static final Set<Character> CANTONESE = Set.of('冇', '嘅', '咗', '喺', '唔', '啲', '咩', '乜', '嘢', '佢', '睇', '攞',
			'畀', '咁', '嚟', '係');

	public static AskerScript of(String raw) {
		if (raw == null) {
			return SIMPLIFIED_CHINESE;
		}
		int han = 0;
		int ascii = 0;
		int accented = 0;
		int otherScripts = 0;
		for (int i = 0; i < raw.length();) {
			int cp = raw.codePointAt(i);
			i += Character.charCount(cp);
			if (!Character.isLetter(cp)) {
				continue;
			}
			Character.UnicodeScript us = Character.UnicodeScript.of(cp);
			if (us == Character.UnicodeScript.HAN) {
				han++;
			}
			else if (cp < 128) {
				ascii++;
			}
			else if (us == Character.UnicodeScript.LATIN) {
				accented++;
			}
			else {
				// kana, hangul, Cyrillic, Arabic...: a language the assistant does not
				// answer in
				otherScripts++;
			}
		}
		if (otherScripts > 0 && otherScripts * 3 >= han + ascii || accented > 0 && han == 0) {
			// Japanese mixes kanji with kana; French or German shows itself by its
			// accents
			return new AskerScript(Language.OTHER, Script.SIMPLIFIED);
		}
		if (ascii >= 3 && ascii > han * 2) {
			return new AskerScript(Language.EN, Script.SIMPLIFIED);
		}
		return new AskerScript(Language.ZH, han == 0 ? Script.SIMPLIFIED : script(raw));
	}

	/**
	 * Traditional when more characters change by conversion to simplified than to
	 * traditional. Taiwan and Hong Kong show themselves by their own words (軟體, 資訊;
	 * Cantonese 冇, 嘅): HanLP's Taiwan and Hong Kong converters then read the question
	 * differently from the general one.
	 */
	private static Script script(String raw) {
		String simplified = ScriptConversion.TRADITIONAL_TO_SIMPLIFIED.convert(raw);
		int traditionalOnly = differences(raw, simplified);
		int simplifiedOnly = differences(raw, ScriptConversion.SIMPLIFIED_TO_TRADITIONAL.convert(simplified));
		if (traditionalOnly == 0 || traditionalOnly < simplifiedOnly) {
			return Script.SIMPLIFIED;
		}
		if (raw.chars().anyMatch(c -> CANTONESE.contains((char) c))
				|| !ScriptConversion.HONG_KONG_TO_SIMPLIFIED.convert(raw).equals(simplified)) {
			return Script.HONG_KONG;
		}
		if (!ScriptConversion.TAIWAN_TO_SIMPLIFIED.convert(raw).equals(simplified)) {
			return Script.TAIWAN;
		}
		return Script.TRADITIONAL;
	}

	private static int differences(String a, String b) {
		if (a.length() != b.length()) {
			return Math.abs(a.length() - b.length()) + 1;
		}
		int n = 0;
		for (int i = 0; i < a.length(); i++) {
			if (a.charAt(i) != b.charAt(i)) {
				n++;
			}
		}
		return n;
	}

}
