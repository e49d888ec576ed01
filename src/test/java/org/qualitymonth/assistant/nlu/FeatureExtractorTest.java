package org.qualitymonth.assistant.nlu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeatureExtractorTest {

	private final FeatureExtractor extractor = new FeatureExtractor();

	@Test
	void producesCharacterNgramsWordsAndPinyin() {
		assertThat(extractor.features("质量月主题")).contains("u=质", "b=质量", "t=质量月", "w=主题", "p=zhi", "pb=zhu_ti");
	}

	@Test
	void homophoneTyposShareThePinyinFeatures() {
		assertThat(extractor.features("主提")).contains("pb=zhu_ti");
	}

	@Test
	void stemsEnglishPlurals() {
		assertThat(extractor.features("what are the activities")).contains("w=activitie", "w=what");
	}

	@Test
	void emptyTextHasNoFeatures() {
		assertThat(extractor.features("")).isEmpty();
	}

}
