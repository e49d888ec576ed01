package org.qualitymonth.assistant.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * Something citizens ask for that the notice does not contain (a local office, an
 * emergency number, a person's private details, how long a complaint takes...), and the
 * honest reply: what the notice does not say and what it does say nearby.
 *
 * @param id identifies the rule in logs and tests
 * @param when groups of terms; the rule applies when every group has a term in the
 * question. A term is a word, {@code re:} followed by a regular expression, or
 * {@code @地名} for a place name
 * @param unless terms that, when present, mean the question is one the notice does answer
 * @param reply the reply in Chinese
 * @param replyEn the reply in English, or null
 * @param publicInfo facts in the reply that come from public information, not from the
 * notice
 * @param suggest the intents nearest to what was asked, offered as choices
 * @param origin where staff wrote it
 */
public record SpecificAsk(String id, List<List<String>> when, List<String> unless, String reply, String replyEn,
		List<String> publicInfo, List<String> suggest, Intent.Origin origin) {

	public SpecificAsk {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(reply, "reply");
		when = when.stream().map(List::copyOf).toList();
		unless = List.copyOf(unless);
		publicInfo = List.copyOf(publicInfo);
		suggest = List.copyOf(suggest);
	}

}
