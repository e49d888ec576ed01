package org.qualitymonth.assistant.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * One intent as staff wrote it in an intent file.
 *
 * @param id stable identifier used by the classifier and in links between intents
 * @param title short label for buttons
 * @param source the section of the notice the answer is taken from (may be null for small
 * talk)
 * @param answer the reply text
 * @param examples training phrases
 * @param related ids of follow-up intents offered after this answer
 * @param publicInfo facts in the answer that are general public information, not from the
 * notice
 * @param origin file and line the intent was read from, for messages to staff
 * @param english the title and answer staff wrote in English, or null (English questions
 * then get the Chinese answer)
 * @param facts single facts within the answer, each given alone when a question asks for
 * just that one
 * @param keywords words that name this intent's subject ("电梯", "线上"): a question naming
 * one leans to this intent
 */
public record Intent(String id, String title, String source, String answer, List<String> examples, List<String> related,
		List<String> publicInfo, Origin origin, English english, List<Fact> facts, List<String> keywords) {

	/** The id of the class that collects questions the bot must decline. */
	public static final String OUT_OF_SCOPE = "out_of_scope";

	public Intent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(answer, "answer");
		title = (title == null || title.isBlank()) ? id : title;
		examples = List.copyOf(examples);
		related = List.copyOf(related);
		publicInfo = List.copyOf(publicInfo);
		facts = List.copyOf(facts);
		keywords = List.copyOf(keywords);
	}

	/** An intent without English text or single facts. */
	public Intent(String id, String title, String source, String answer, List<String> examples, List<String> related,
			List<String> publicInfo, Origin origin) {
		this(id, title, source, answer, examples, related, publicInfo, origin, null, List.of(), List.of());
	}

	/** The title and answer in English, for English questions. */
	public record English(String title, String answer) {
		public English {
			Objects.requireNonNull(answer, "answer");
		}
	}

	public boolean isOutOfScope() {
		return OUT_OF_SCOPE.equals(id);
	}

	/** Where in the intent files something was written. */
	public record Origin(String file, int line) {
		@Override
		public String toString() {
			return file + ":" + line;
		}
	}

}
