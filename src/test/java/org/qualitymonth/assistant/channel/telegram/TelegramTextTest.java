package org.qualitymonth.assistant.channel.telegram;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TelegramTextTest {

	@Test
	void escapesWhatTelegramsHtmlModeReserves() {
		assertThat(TelegramText.escape("a<b>&\"c\" 010-82262033 caiyugang@samr.gov.cn (附件1)."))
			.isEqualTo("a&lt;b&gt;&amp;&quot;c&quot; 010-82262033 caiyugang@samr.gov.cn (附件1).");
	}

	@Test
	void escapedTextParsesBackToItselfUnderTelegramsRules() {
		String nasty = "<b>not bold</b> & &amp; &lt; \"quoted\" <script>x</script> 5 > 3 [link](http://x.cn) *_~`";

		assertThat(LoopbackBotApi.parse(TelegramText.escape(nasty), "HTML")).isEqualTo(nasty);
		assertThatIllegalArgumentException().isThrownBy(() -> LoopbackBotApi.parse(nasty, "HTML"))
			.withMessageStartingWith("Bad Request: can't parse entities");
	}

	@Test
	void piecesStayWithinTheLimitOnceEscapedAndJoinBackToTheText() {
		Random random = new Random(42);
		String alphabet = "质量月活动&<>\"。！\n ab😀";
		for (int round = 0; round < 50; round++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(12_000);
			while (text.length() < length) {
				int at = random.nextInt(alphabet.length());
				if (Character.isSurrogate(alphabet.charAt(at))) {
					text.append("😀");
				}
				else {
					text.append(alphabet.charAt(at));
				}
			}
			int limit = 50 + random.nextInt(4096);

			List<String> pieces = TelegramText.split(text.toString(), limit);

			assertThat(String.join("", pieces)).isEqualTo(text.toString());
			assertThat(pieces).allSatisfy(piece -> {
				assertThat(piece).isNotEmpty();
				assertThat(TelegramText.escape(piece).length()).isLessThanOrEqualTo(limit);
				assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
			});
		}
	}

	@Test
	void cutsAtParagraphsThenSentencesRatherThanMidSentence() {
		String first = "第一段".repeat(20) + "。";
		String second = "第二段".repeat(20) + "。";

		assertThat(TelegramText.split(first + "\n\n" + second, 80)).containsExactly(first + "\n\n", second);
		assertThat(TelegramText.split(first + second, 80)).containsExactly(first, second);
	}

	@Test
	void shortTextStaysWhole() {
		assertThat(TelegramText.split("投诉电话是多少", 4096)).containsExactly("投诉电话是多少");
	}

}
