package org.qualitymonth.assistant.chat;

import java.util.List;

import org.qualitymonth.assistant.nlu.Candidate;
import org.qualitymonth.assistant.nlu.Outcome;

/**
 * The one answer to one question, for every channel to render in its own format.
 *
 * @param outcome answered, suggested or declined
 * @param intent the intent answered with; null when declined
 * @param confidence the classifier's probability for the best intent
 * @param answer the reply text (the fallback text when declined)
 * @param source the notice section the answer comes from, or null
 * @param suggestions choices when the bot is unsure, or the main topics when it declines
 * @param related follow-up topics after a confident answer
 * @param candidates the most likely intents, for the query log and staff review
 * @param normalizedText the question after normalisation
 * @param knowledgeVersion version of the knowledge base that answered
 * @param id identifies this reply, for feedback
 * @param details the full paragraph when the answer is a short single fact (one tap
 * away), or null
 * @param language the language of the reply: zh or en
 * @param script the script of a Chinese reply: simplified, traditional, taiwan or
 * hong_kong
 */
public record Reply(String id, Outcome outcome, String intent, double confidence, String answer, String source,
		List<Choice> suggestions, List<Choice> related, List<Candidate> candidates, String normalizedText,
		String knowledgeVersion, String details, String language, String script) {

	public Reply {
		java.util.Objects.requireNonNull(id, "id");
		suggestions = List.copyOf(suggestions);
		related = List.copyOf(related);
		candidates = List.copyOf(candidates);
		language = language == null ? "zh" : language;
		script = script == null ? "simplified" : script;
	}

	/** A simplified-Chinese reply without details. */
	public Reply(String id, Outcome outcome, String intent, double confidence, String answer, String source,
			List<Choice> suggestions, List<Choice> related, List<Candidate> candidates, String normalizedText,
			String knowledgeVersion) {
		this(id, outcome, intent, confidence, answer, source, suggestions, related, candidates, normalizedText,
				knowledgeVersion, null, null, null);
	}

	public boolean answered() {
		return outcome != Outcome.DECLINED;
	}

}
