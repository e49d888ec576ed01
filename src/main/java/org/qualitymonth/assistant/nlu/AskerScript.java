package org.qualitymonth.assistant.nlu;

import java.util.Set;

import com.hankcs.hanlp.HanLP;

/**
 * The language and script a citizen wrote in, told from the raw text before normalisation.
 *
 * @param language Chinese, English or another language
 * @param script for Chinese, the script to answer in
 */
public record AskerScript(Language language, Script script) {

	public static final AskerScript SIMPLIFIED_CHINESE = new AskerScript(Language.ZH, Script.SIMPLIFIED);

	/** Cantonese words written in Hong Kong that the Taiwan and general forms do not use. */
	private static final Set<Character> CANTONESE = Set.of('冇', '嘅', '咗', '喺', '唔', '啲', '咩', '乜', '嘢', '佢', '睇', '攞', '畀', '咁', '嚟', '係');

	public static AskerScript of(String raw) {
		if (raw == null) {
			return SIMPLIFIED_CHINESE;
		}
		int han = 0;
		int ascii = 0;
		int other = 0;
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
			else {
				// kana, hangul, Cyrillic, Arabic, accented Latin...: a language the assistant does not answer in
				other++;
			}
		}
		if (other > 0 && other * 3 >= han + ascii) {
			return new AskerScript(Language.OTHER, Script.SIMPLIFIED);
		}
		if (ascii >= 3 && ascii > han * 2) {
			return new AskerScript(Language.EN, Script.SIMPLIFIED);
		}
		return new AskerScript(Language.ZH, han == 0 ? Script.SIMPLIFIED : script(raw));
	}

	/**
	 * Traditional when more characters change by conversion to simplified than to traditional; the variant is
	 * the form (general, Taiwan, Hong Kong) that writes the question back most like the citizen did.
	 */
	private static Script script(String raw) {
		String simplified = HanLP.convertToSimplifiedChinese(raw);
		String traditional = HanLP.convertToTraditionalChinese(simplified);
		int traditionalOnly = differences(raw, simplified);
		int simplifiedOnly = differences(raw, traditional);
		if (traditionalOnly == 0 || traditionalOnly < simplifiedOnly) {
			return Script.SIMPLIFIED;
		}
		if (raw.chars().anyMatch(c -> CANTONESE.contains((char) c))) {
			return Script.HONG_KONG;
		}
		int general = agreement(raw, traditional);
		int taiwan = agreement(raw, HanLP.s2tw(simplified));
		int hongKong = agreement(raw, HanLP.s2hk(simplified));
		if (taiwan > general && taiwan >= hongKong) {
			return Script.TAIWAN;
		}
		if (hongKong > general) {
			return Script.HONG_KONG;
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

	private static int agreement(String a, String b) {
		int n = 0;
		for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
			if (a.charAt(i) == b.charAt(i)) {
				n++;
			}
		}
		return n;
	}

}
