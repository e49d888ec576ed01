package org.qualitymonth.assistant.chat;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.nlu.AskerScript;
import org.qualitymonth.assistant.nlu.Language;
import org.qualitymonth.assistant.nlu.Script;
import org.qualitymonth.assistant.nlu.TextNormalizer;

import static org.assertj.core.api.Assertions.assertThat;

class PreparedTextsTest {

	private final PreparedTexts texts = new PreparedTexts(100);

	@Test
	void preparesAsTheNormalizerAndTheScriptDetectorDo() {
		for (String raw : new String[] { "  質量月的主題是什麼？？", "What is the theme?", "质量月 　主题是啥 😊",
				"x".repeat(PreparedTexts.MAX_CACHED_LENGTH + 1) }) {
			PreparedTexts.Prepared prepared = texts.of(raw);
			assertThat(prepared.normalized()).isEqualTo(new TextNormalizer().normalize(raw));
			assertThat(prepared.asker()).isEqualTo(AskerScript.of(raw));
		}
	}

	@Test
	void keepsARepeatedTextAndTellsScriptsApart() {
		PreparedTexts.Prepared first = texts.of("質量月的主題是什麼");
		assertThat(texts.of("質量月的主題是什麼")).isSameAs(first);
		assertThat(first.asker().script()).isNotEqualTo(Script.SIMPLIFIED);
		assertThat(texts.of("质量月的主题是什么").asker()).isEqualTo(AskerScript.SIMPLIFIED_CHINESE);
		assertThat(texts.of("What is the theme of Quality Month").asker().language()).isEqualTo(Language.EN);
	}

	@Test
	void preparesALongMessageEachTime() {
		String longMessage = "质量".repeat(PreparedTexts.MAX_CACHED_LENGTH);
		assertThat(texts.of(longMessage)).isNotSameAs(texts.of(longMessage)).isEqualTo(texts.of(longMessage));
	}

}
