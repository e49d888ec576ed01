package org.qualitymonth.assistant.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One fact of an intent's answer (a date, a number, an address) that a citizen may ask
 * for on its own. The short answer leads with the fact; the intent's full answer stays
 * available as details.
 *
 * @param asks the words that ask for this fact ("邮箱", "电子邮件", "email"), matched in the
 * normalised question
 * @param answer the short answer, one sentence
 * @param answerEn the short answer in English, or null
 */
public record Fact(List<String> asks, String answer, String answerEn) {

	public Fact {
		asks = List.copyOf(asks);
		Objects.requireNonNull(answer, "answer");
	}

}
