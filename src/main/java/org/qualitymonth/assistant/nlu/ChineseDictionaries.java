package org.qualitymonth.assistant.nlu;

/**
 * HanLP's dictionaries that every question needs, loaded by using them once: the
 * traditional-to-simplified table (normalisation), the segmenter's and the pinyin
 * dictionaries (features), and the simplified-to-traditional table (telling which script
 * the citizen wrote in). HanLP loads each on first use, the simplified-to-traditional
 * table alone in about half a second, which the first question would otherwise wait for.
 * The Taiwan and Hong Kong tables are left to the first question written in traditional
 * characters.
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
