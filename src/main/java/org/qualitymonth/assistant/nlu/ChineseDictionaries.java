package org.qualitymonth.assistant.nlu;

/**
 * The dictionaries that every question needs, loaded by using them once: the
 * traditional-to-simplified table (normalisation), HanLP's segmenter and pinyin
 * dictionaries (features), and the simplified-to-traditional table (telling which script
 * the citizen wrote in). Each is loaded on first use, which the first question would
 * otherwise wait for. The Taiwan and Hong Kong tables are left to the first question
 * written in traditional characters.
 */
public final class ChineseDictionaries {

	private ChineseDictionaries() {
	}

	public static void load() {
		String question = "质量月的主题是什么";
		new FeatureExtractor().features(new TextNormalizer().normalize(question));
		AskerScript.of(question);
	}

}
