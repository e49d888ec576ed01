package org.qualitymonth.assistant.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.qualitymonth.assistant.knowledge.IntentFileParser.problem;

/**
 * Checks a set of parsed intents as a whole: ids, examples, links between intents and whether
 * each answer's facts occur in the notice.
 */
final class KnowledgeValidator {

	private final NoticeGrounding grounding;

	private final int minExamples;

	KnowledgeValidator(NoticeGrounding grounding, int minExamples) {
		this.grounding = grounding;
		this.minExamples = minExamples;
	}

	List<Problem> validate(List<Intent> intents) {
		List<Problem> problems = new ArrayList<>();
		Map<String, Intent> ids = new HashMap<>();
		Map<String, Intent> examples = new HashMap<>();
		for (Intent intent : intents) {
			String file = intent.origin().file();
			Intent earlier = ids.putIfAbsent(intent.id(), intent);
			if (earlier != null) {
				problems.add(problem(file, intent.origin().line(), "problem.duplicateId", intent.id(), earlier.origin()));
			}
			for (String example : intent.examples()) {
				Intent owner = examples.putIfAbsent(exampleKey(example), intent);
				if (owner != null && owner != intent) {
					problems.add(problem(file, intent.origin().line(), "problem.duplicateExample", example, owner.id(),
							intent.id(), owner.origin()));
				}
			}
			if (intent.examples().size() < minExamples) {
				problems.add(problem(file, intent.origin().line(), "problem.fewExamples", intent.id(),
						intent.examples().size(), minExamples).asWarning());
			}
			if (!intent.isOutOfScope()) {
				for (String fact : grounding.ungroundedFacts(intent.answer(), intent.publicInfo())) {
					problems.add(problem(file, intent.origin().line(), "problem.ungrounded", fact).asWarning());
				}
			}
		}
		for (Intent intent : intents) {
			for (String related : intent.related()) {
				if (!ids.containsKey(related)) {
					problems.add(problem(intent.origin().file(), intent.origin().line(), "problem.unknownRelated", related));
				}
			}
		}
		if (!intents.isEmpty() && !ids.containsKey(Intent.OUT_OF_SCOPE)) {
			problems.add(problem("", 0, "problem.noOutOfScope"));
		}
		return problems;
	}

	/** Examples that differ only in spaces, case or final punctuation count as the same. */
	private static String exampleKey(String example) {
		return example.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}？?！!。，,]+", "");
	}

}
