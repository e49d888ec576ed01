package org.qualitymonth.assistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import static org.qualitymonth.assistant.knowledge.IntentFileParser.line;
import static org.qualitymonth.assistant.knowledge.IntentFileParser.list;
import static org.qualitymonth.assistant.knowledge.IntentFileParser.problem;
import static org.qualitymonth.assistant.knowledge.IntentFileParser.text;
import static org.qualitymonth.assistant.knowledge.IntentFileParser.unknownFields;
import static org.qualitymonth.assistant.knowledge.IntentFileParser.value;

/**
 * Reads the files beside the intents that are not intents: the department list
 * ({@code departments:}) and the asks the notice cannot answer ({@code specifics:}). Same
 * node-tree reading as the intent files, so every problem names its line.
 */
final class CatalogueFileParser {

	private static final Set<String> TOP = Set.of("departments", "specifics");

	private static final Set<String> DEPARTMENTS_FIELDS = Set.of("asks", "yes", "no", "yes_en", "no_en", "source",
			"intent", "organizers", "others");

	private static final Set<String> DEPARTMENT_FIELDS = Set.of("name", "name_en", "aliases");

	private static final Set<String> SPECIFIC_FIELDS = Set.of("id", "when", "unless", "reply", "reply_en",
			"public_info", "suggest");

	private CatalogueFileParser() {
	}

	static boolean isCatalogue(MappingNode root) {
		return TOP.stream().anyMatch(key -> value(root, key) != null);
	}

	static IntentFileParser.Parsed parse(String file, MappingNode root, List<Problem> problems) {
		unknownFields(file, root, TOP, problems);
		Departments departments = null;
		Node node = value(root, "departments");
		if (node instanceof MappingNode map) {
			departments = departments(file, map, problems);
		}
		else if (node != null) {
			problems.add(problem(file, line(node), "problem.notMapping.departments"));
		}
		List<SpecificAsk> specifics = new ArrayList<>();
		Node rules = value(root, "specifics");
		if (rules instanceof SequenceNode sequence) {
			for (Node item : sequence.getValue()) {
				if (item instanceof MappingNode map) {
					specific(file, map, problems).ifPresent(specifics::add);
				}
				else {
					problems.add(problem(file, line(item), "problem.notMapping.specific"));
				}
			}
		}
		else if (rules != null) {
			problems.add(problem(file, line(rules), "problem.notList", "specifics"));
		}
		return new IntentFileParser.Parsed(List.of(), departments, specifics, problems);
	}

	private static Departments departments(String file, MappingNode map, List<Problem> problems) {
		unknownFields(file, map, DEPARTMENTS_FIELDS, problems);
		List<Department> all = new ArrayList<>();
		for (String group : List.of("organizers", "others")) {
			Node node = value(map, group);
			if (node == null) {
				problems.add(problem(file, line(map), "problem.missing", group));
				continue;
			}
			if (!(node instanceof SequenceNode sequence)) {
				problems.add(problem(file, line(node), "problem.notList", group));
				continue;
			}
			for (Node item : sequence.getValue()) {
				if (!(item instanceof MappingNode entry)) {
					problems.add(problem(file, line(item), "problem.notMapping.department"));
					continue;
				}
				unknownFields(file, entry, DEPARTMENT_FIELDS, problems);
				String name = text(file, entry, "name", true, problems);
				String nameEn = text(file, entry, "name_en", false, problems);
				List<String> aliases = list(file, entry, "aliases", false, problems);
				if (name != null) {
					all.add(new Department(name.strip(), nameEn == null ? null : nameEn.strip(), aliases,
							"organizers".equals(group), new Intent.Origin(file, line(entry))));
				}
			}
		}
		List<String> asks = list(file, map, "asks", true, problems);
		String yes = text(file, map, "yes", true, problems);
		String no = text(file, map, "no", true, problems);
		String yesEn = text(file, map, "yes_en", false, problems);
		String noEn = text(file, map, "no_en", false, problems);
		String source = text(file, map, "source", false, problems);
		String intent = text(file, map, "intent", false, problems);
		if (yes == null || no == null) {
			return null;
		}
		return new Departments(all, asks, yes.strip(), no.strip(), strip(yesEn), strip(noEn), strip(source),
				strip(intent));
	}

	private static java.util.Optional<SpecificAsk> specific(String file, MappingNode map, List<Problem> problems) {
		int before = problems.size();
		unknownFields(file, map, SPECIFIC_FIELDS, problems);
		String id = text(file, map, "id", true, problems);
		String reply = text(file, map, "reply", true, problems);
		String replyEn = text(file, map, "reply_en", false, problems);
		List<String> unless = list(file, map, "unless", false, problems);
		List<String> publicInfo = list(file, map, "public_info", false, problems);
		List<String> suggest = list(file, map, "suggest", false, problems);
		List<List<String>> when = new ArrayList<>();
		Node groups = value(map, "when");
		if (groups instanceof SequenceNode sequence && !sequence.getValue().isEmpty()) {
			for (Node group : sequence.getValue()) {
				if (group instanceof SequenceNode terms) {
					List<String> words = new ArrayList<>();
					for (Node term : terms.getValue()) {
						String word = IntentFileParser.scalar(term);
						if (word == null || word.isBlank()) {
							problems.add(problem(file, line(term), "problem.notText", "when"));
						}
						else {
							words.add(word.strip());
						}
					}
					when.add(words);
				}
				else {
					problems.add(problem(file, line(group), "problem.whenGroup"));
				}
			}
		}
		else {
			problems.add(problem(file, line(groups == null ? map : groups), "problem.whenGroup"));
		}
		if (problems.size() > before) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new SpecificAsk(id.strip(), when, unless, reply.strip(), strip(replyEn),
				publicInfo, suggest, new Intent.Origin(file, line(map))));
	}

	private static String strip(String s) {
		return s == null ? null : s.strip();
	}

}
