package org.qualitymonth.assistant.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Features for short Chinese questions: character uni-, bi- and trigrams (robust to
 * unknown words and segmentation errors), HanLP words (meaning), and pinyin syllables
 * (robust to the homophone typos of pinyin input methods). Each family has its own
 * prefix.
 */
public final class FeatureExtractor {

	/**
	 * Years in the text; the notice is about 2020, so any other year is a strong sign of
	 * another question.
	 */
	private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

	static final String NOTICE_YEAR = "y=notice";

	static final String OTHER_YEAR = "y=other";

	/** Features of normalised text (see {@link TextNormalizer}). */
	public List<String> features(String normalized) {
		List<String> features = new ArrayList<>();
		Matcher year = YEAR.matcher(normalized);
		while (year.find()) {
			features.add("2020".equals(year.group(1)) ? NOTICE_YEAR : OTHER_YEAR);
		}
		String compact = normalized.replace(" ", "");
		List<Pinyin> pinyin = HanLP.convertToPinyinList(compact);
		for (int i = 0; i < compact.length(); i++) {
			char c = compact.charAt(i);
			if (isHan(c)) {
				features.add("u=" + c);
				String py = i < pinyin.size() ? pinyin.get(i).getPinyinWithoutTone() : "none";
				if (!"none".equals(py)) {
					features.add("p=" + py);
					if (i + 1 < compact.length() && isHan(compact.charAt(i + 1)) && i + 1 < pinyin.size()) {
						features.add("pb=" + py + "_" + pinyin.get(i + 1).getPinyinWithoutTone());
					}
				}
			}
			if (i + 1 < compact.length()) {
				features.add("b=" + compact.substring(i, i + 2));
			}
			if (i + 2 < compact.length()) {
				features.add("t=" + compact.substring(i, i + 3));
			}
		}
		for (String word : words(normalized)) {
			features.add("w=" + word);
		}
		return features;
	}

	/** HanLP words; latin words are stemmed crudely so "months" meets "month". */
	public List<String> words(String normalized) {
		List<String> words = new ArrayList<>();
		for (Term term : HanLP.segment(normalized)) {
			String word = term.word.strip();
			if (word.isEmpty()) {
				continue;
			}
			if (word.chars().allMatch(ch -> ch < 128 && Character.isLetter(ch)) && word.length() > 3
					&& word.endsWith("s")) {
				word = word.substring(0, word.length() - 1);
			}
			words.add(word);
		}
		return words;
	}

	static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}

}
