package org.qualitymonth.assistant.nlu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

	private final TextNormalizer normalizer = new TextNormalizer();

	@Test
	void turnsFullWidthLettersAndDigitsIntoHalfWidth() {
		assertThat(normalizer.normalize("１２３１５ＡＢＣ")).isEqualTo("12315abc");
	}

	@Test
	void convertsTraditionalToSimplified() {
		assertThat(normalizer.normalize("質量月的主題是什麼")).isEqualTo("质量月的主题是什么");
	}

	@Test
	void removesZeroWidthAndBidiCharactersWithoutSplittingWords() {
		assertThat(normalizer.normalize("质\u200b量\u200d月\u202e的主题\ufeff")).isEqualTo("质量月的主题");
	}

	@Test
	void dropsEmojiAndPunctuationNoise() {
		assertThat(normalizer.normalize("😂😂质量月？？？！！主题……👍")).isEqualTo("质量月 主题");
	}

	@Test
	void turnsControlCharactersIntoSpaces() {
		assertThat(normalizer.normalize("质量月\t\n\u0000主题\u0007")).isEqualTo("质量月 主题");
	}

	@Test
	void keepsEmailAddressesAndPhoneNumbersReadable() {
		assertThat(normalizer.normalize("邮箱：CaiYuGang@SAMR.gov.cn。")).isEqualTo("邮箱 caiyugang@samr.gov.cn");
		assertThat(normalizer.normalize("电话010-82262033")).isEqualTo("电话010-82262033");
	}

	@Test
	void handlesNullAndBlank() {
		assertThat(normalizer.normalize(null)).isEmpty();
		assertThat(normalizer.normalize(" \u200b ")).isEmpty();
	}

	@Test
	void lowerCasesLatinText() {
		assertThat(normalizer.normalize("What Is The THEME?")).isEqualTo("what is the theme");
	}

	@Test
	void followsTraditionalToSimplifiedChainsToTheEnd() {
		// HanLP maps 薴 to 苧 and 苧 to 苎; found by TextNormalizerPropertyTest (fuzz.seed=2)
		assertThat(normalizer.normalize("薴")).isEqualTo("苎");
		assertThat(normalizer.normalize(normalizer.normalize("薴"))).isEqualTo("苎");
	}

}
