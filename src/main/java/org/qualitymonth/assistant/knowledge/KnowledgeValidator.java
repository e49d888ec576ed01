package org.qualitymonth.assistant.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.qualitymonth.assistant.knowledge.IntentFileParser.problem;

/**
 * Checks a set of parsed intents as a whole: ids, examples, links between intents and
 * whether each answer's facts occur in the notice.
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
		List<Intent> duplicates = new ArrayList<>();
		for (Intent intent : intents) {
			String file = intent.origin().file();
			Intent earlier = ids.putIfAbsent(intent.id(), intent);
			if (earlier != null) {
				duplicates.add(intent);
			}
			for (String example : intent.examples()) {
				Intent owner = examples.putIfAbsent(exampleKey(example), intent);
				// a copied intent whose id was not changed repeats its examples too: that
				// is the duplicate id, once
				if (owner != null && owner != intent && !owner.id().equals(intent.id())) {
					problems.add(problem(file, intent.origin().line(), "problem.duplicateExample", example, owner.id(),
							intent.id(), owner.origin()));
				}
			}
			if (intent.examples().size() < minExamples) {
				problems.add(problem(file, intent.origin().line(), "problem.fewExamples", intent.id(),
						intent.examples().size(), minExamples)
					.asWarning());
			}
			if (!intent.isOutOfScope()) {
				List<String> texts = new ArrayList<>();
				texts.add(intent.answer());
				if (intent.english() != null) {
					texts.add(intent.english().answer());
				}
				for (Fact fact : intent.facts()) {
					texts.add(fact.answer());
					if (fact.answerEn() != null) {
						texts.add(fact.answerEn());
					}
				}
				for (String text : texts) {
					ungrounded(text, intent.publicInfo(), intent.origin(), problems);
				}
			}
		}
		Set<String> missing = new LinkedHashSet<>();
		for (Intent intent : intents) {
			intent.related().stream().filter(related -> !ids.containsKey(related)).forEach(missing::add);
		}
		for (Intent duplicate : duplicates) {
			problems.add(duplicateId(duplicate, ids.get(duplicate.id()), missing));
		}
		if (duplicates.isEmpty()) {
			// with a duplicate id, links to a vanished id are the rename's knock-on,
			// named in its message
			for (Intent intent : intents) {
				for (String related : intent.related()) {
					if (!ids.containsKey(related)) {
						problems.add(problem(intent.origin().file(), intent.origin().line(), "problem.unknownRelated",
								related));
					}
				}
			}
		}
		if (!intents.isEmpty() && !ids.containsKey(Intent.OUT_OF_SCOPE)) {
			problems.add(problem("", 0, "problem.noOutOfScope"));
		}
		return problems;
	}

	/**
	 * The department list and the unanswerable asks: organisers named as in the notice,
	 * no name or alias given to two departments, suggestions and details that point at
	 * real intents, replies grounded.
	 */
	List<Problem> validateCatalogue(List<Intent> intents, Departments departments, List<SpecificAsk> specifics) {
		List<Problem> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		intents.forEach(i -> ids.add(i.id()));
		Map<String, Department> names = new HashMap<>();
		for (Department department : departments.departments()) {
			Intent.Origin at = department.origin();
			if (department.organizer() && !grounding.contains(department.name())) {
				problems.add(problem(at.file(), at.line(), "problem.organizerNotInNotice", department.name()));
			}
			for (String name : department.names()) {
				Department earlier = names.putIfAbsent(name, department);
				if (earlier != null && earlier != department) {
					problems.add(problem(at.file(), at.line(), "problem.duplicateAlias", name, earlier.name()));
				}
			}
		}
		if (departments.intent() != null && !ids.contains(departments.intent())) {
			Intent.Origin at = departments.departments().isEmpty() ? new Intent.Origin("", 0)
					: departments.departments().get(0).origin();
			problems.add(problem(at.file(), 0, "problem.unknownRelated", departments.intent()));
		}
		Map<String, Intent.Origin> ruleIds = new HashMap<>();
		for (SpecificAsk ask : specifics) {
			Intent.Origin at = ask.origin();
			Intent.Origin first = ruleIds.putIfAbsent(ask.id(), at);
			if (first != null) {
				problems.add(problem(at.file(), at.line(), "problem.duplicateId", ask.id(), first));
			}
			for (String suggested : ask.suggest()) {
				if (!ids.contains(suggested)) {
					problems.add(problem(at.file(), at.line(), "problem.unknownRelated", suggested));
				}
			}
			ungrounded(ask.reply(), ask.publicInfo(), at, problems);
			if (ask.replyEn() != null) {
				ungrounded(ask.replyEn(), ask.publicInfo(), at, problems);
			}
			for (List<String> group : ask.when()) {
				for (String term : group) {
					if (term.startsWith("re:")) {
						try {
							java.util.regex.Pattern.compile(term.substring(3));
						}
						catch (java.util.regex.PatternSyntaxException ex) {
							problems
								.add(problem(at.file(), at.line(), "problem.badPattern", term, ex.getDescription()));
						}
					}
				}
			}
		}
		return problems;
	}

	private void ungrounded(String text, List<String> publicInfo, Intent.Origin at, List<Problem> problems) {
		for (String fact : grounding.ungroundedFacts(text, publicInfo)) {
			problems.add(problem(at.file(), at.line(), "problem.ungrounded", fact).asWarning());
		}
	}

	/**
	 * An id clashes when staff copy an intent and forget to rename it, or rename one to
	 * an id already taken; in the second case every link to the old id breaks too. One
	 * mistake, one message.
	 */
	private static Problem duplicateId(Intent duplicate, Intent earlier, Set<String> missing) {
		String file = duplicate.origin().file();
		int line = duplicate.origin().line();
		if (missing.isEmpty()) {
			return problem(file, line, "problem.duplicateId", duplicate.id(), earlier.origin());
		}
		return problem(file, line, "problem.duplicateIdRenamed", duplicate.id(), earlier.origin(),
				String.join("”“", missing));
	}

	/**
	 * Examples that differ only in spaces, case or final punctuation count as the same.
	 */
	private static String exampleKey(String example) {
		return example.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}？?！!。，,]+", "");
	}

}
