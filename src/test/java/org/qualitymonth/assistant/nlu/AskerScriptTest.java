package org.qualitymonth.assistant.nlu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskerScriptTest {

	@Test
	void simplifiedChineseStaysSimplified() {
		assertThat(AskerScript.of("质量月的主题是什么")).isEqualTo(AskerScript.SIMPLIFIED_CHINESE);
	}

	@Test
	void traditionalCharactersAreAnsweredInTraditional() {
		AskerScript asker = AskerScript.of("今年質量月的主題是什麼？");
		assertThat(asker.language()).isEqualTo(Language.ZH);
		assertThat(asker.script().isTraditional()).isTrue();
		assertThat(asker.script().convert("建设质量强国")).isEqualTo("建設質量強國");
	}

	@Test
	void cantoneseWordsMarkHongKong() {
		assertThat(AskerScript.of("質量月係幾時搞㗎？有冇主題？").script()).isEqualTo(Script.HONG_KONG);
	}

	@Test
	void taiwanVocabularyMarksTaiwan() {
		// 軟體 and 資訊 are how Taiwan writes 软件 and 信息
		assertThat(AskerScript.of("質量月有沒有軟體資訊方面的活動").script()).isEqualTo(Script.TAIWAN);
	}

	@Test
	void englishIsTold() {
		assertThat(AskerScript.of("What is the fax number?").language()).isEqualTo(Language.EN);
		// a Chinese question with an English word is still Chinese
		assertThat(AskerScript.of("质量月的email是多少").language()).isEqualTo(Language.ZH);
	}

	@Test
	void otherLanguagesAreNotTakenForEnglishOrChinese() {
		assertThat(AskerScript.of("品質月間のテーマは何ですか").language()).isEqualTo(Language.OTHER);
		assertThat(AskerScript.of("Quelle est la thème du mois de la qualité ?").language()).isEqualTo(Language.OTHER);
		assertThat(AskerScript.of("품질의 달 주제가 뭐예요").language()).isEqualTo(Language.OTHER);
	}

	@Test
	void textWithoutLettersIsTreatedAsSimplifiedChinese() {
		assertThat(AskerScript.of("12315")).isEqualTo(AskerScript.SIMPLIFIED_CHINESE);
		assertThat(AskerScript.of(null)).isEqualTo(AskerScript.SIMPLIFIED_CHINESE);
	}

}
