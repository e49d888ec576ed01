package org.qualitymonth.assistant.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.qualitymonth.assistant.system.Messages;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one intent file. Works on the YAML node tree rather than on maps so that every
 * problem can name the line staff have to fix.
 */
final class IntentFileParser {

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

	private static final Set<String> FIELDS = Set.of("id", "title", "source", "answer", "examples", "related",
			"public_info", "title_en", "answer_en", "facts", "keywords");

	private static final Set<String> FACT_FIELDS = Set.of("asks", "answer", "answer_en");

	/**
	 * What one file holds (intents, or the department list and the asks the notice cannot answer) and what
	 * is wrong with it.
	 */
	record Parsed(List<Intent> intents, Departments departments, List<SpecificAsk> specifics, List<Problem> problems) {

		Parsed(List<Intent> intents, List<Problem> problems) {
			this(intents, null, List.of(), problems);
		}

	}

	Parsed parse(String file, String content) {
		List<Intent> intents = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			root = new Yaml(options).compose(new StringReader(content));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() != null ? ex.getProblemMark().getLine() + 1 : 0;
			String what = ex.getProblem() != null ? ex.getProblem() : ex.getMessage();
			if (ex.getContext() != null && ex.getContextMark() != null) {
				// e.g. an unclosed quote is noticed at the end of the file but started on the context line
				what += " (" + ex.getContext() + " @ line " + (ex.getContextMark().getLine() + 1) + ")";
			}
			problems.add(problem(file, line, "problem.yaml", what));
			return new Parsed(intents, problems);
		}
		catch (YAMLException ex) {
			problems.add(problem(file, 0, "problem.yaml", ex.getMessage()));
			return new Parsed(intents, problems);
		}
		if (root instanceof MappingNode map && CatalogueFileParser.isCatalogue(map)) {
			return CatalogueFileParser.parse(file, map, problems);
		}
		if (root != null) {
			for (Node item : intentNodes(file, root, problems)) {
				readIntent(file, item, problems).ifPresent(intents::add);
			}
		}
		if (intents.isEmpty() && problems.isEmpty()) {
			// what a save cut short by a crash or a full disk leaves; a file staff no longer want is deleted instead
			problems.add(problem(file, 0, "problem.empty"));
		}
		return new Parsed(intents, problems);
	}

	private List<Node> intentNodes(String file, Node root, List<Problem> problems) {
		if (root instanceof SequenceNode list) {
			return list.getValue();
		}
		if (root instanceof MappingNode map) {
			Node intents = value(map, "intents");
			if (intents instanceof SequenceNode list) {
				return list.getValue();
			}
			if (intents == null && value(map, "id") != null) {
				return List.of(root);
			}
		}
		problems.add(problem(file, line(root), "problem.shape"));
		return List.of();
	}

	private Optional<Intent> readIntent(String file, Node node, List<Problem> problems) {
		if (!(node instanceof MappingNode map)) {
			problems.add(problem(file, line(node), "problem.notMapping"));
			return Optional.empty();
		}
		int before = problems.size();
		for (NodeTuple tuple : map.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (key == null || !FIELDS.contains(key)) {
				problems.add(problem(file, line(tuple.getKeyNode()), "problem.unknownField", String.valueOf(key)));
			}
		}
		String id = text(file, map, "id", true, problems);
		if (id != null && !ID.matcher(id).matches()) {
			problems.add(problem(file, line(value(map, "id")), "problem.badId", id));
		}
		String title = text(file, map, "title", false, problems);
		String source = text(file, map, "source", false, problems);
		String answer = text(file, map, "answer", true, problems);
		List<String> examples = list(file, map, "examples", true, problems);
		List<String> related = list(file, map, "related", false, problems);
		List<String> publicInfo = list(file, map, "public_info", false, problems);
		String titleEn = text(file, map, "title_en", false, problems);
		String answerEn = text(file, map, "answer_en", false, problems);
		List<Fact> facts = facts(file, map, problems);
		List<String> keywords = list(file, map, "keywords", false, problems);
		if (problems.size() > before) {
			return Optional.empty();
		}
		Intent.English english = answerEn == null ? null : new Intent.English(titleEn == null ? null : titleEn.strip(),
				answerEn.strip());
		return Optional.of(new Intent(id.strip(), title, source, answer.strip(), examples, related, publicInfo,
				new Intent.Origin(file, line(map)), english, facts, keywords));
	}

	private static List<Fact> facts(String file, MappingNode intent, List<Problem> problems) {
		Node node = value(intent, "facts");
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			problems.add(problem(file, line(node), "problem.notList", "facts"));
			return List.of();
		}
		List<Fact> facts = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			if (!(item instanceof MappingNode map)) {
				problems.add(problem(file, line(item), "problem.notMapping.fact"));
				continue;
			}
			unknownFields(file, map, FACT_FIELDS, problems);
			List<String> asks = list(file, map, "asks", true, problems);
			String answer = text(file, map, "answer", true, problems);
			String answerEn = text(file, map, "answer_en", false, problems);
			if (asks.isEmpty() && value(map, "asks") != null) {
				problems.add(problem(file, line(map), "problem.missing", "asks"));
			}
			else if (answer != null && !asks.isEmpty()) {
				facts.add(new Fact(asks, answer.strip(), answerEn == null ? null : answerEn.strip()));
			}
		}
		return facts;
	}

	static void unknownFields(String file, MappingNode map, Set<String> known, List<Problem> problems) {
		for (NodeTuple tuple : map.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (key == null || !known.contains(key)) {
				problems.add(problem(file, line(tuple.getKeyNode()), "problem.unknownKey", String.valueOf(key),
						String.join(", ", known.stream().sorted().toList())));
			}
		}
	}

	static String text(String file, MappingNode map, String field, boolean required, List<Problem> problems) {
		Node node = value(map, field);
		if (node == null || (node instanceof ScalarNode s && s.getValue().isBlank())) {
			if (required) {
				problems.add(problem(file, line(node != null ? node : map), "problem.missing", field));
			}
			return null;
		}
		if (!(node instanceof ScalarNode scalar)) {
			problems.add(problem(file, line(node), "problem.notText", field));
			return null;
		}
		return scalar.getValue();
	}

	static List<String> list(String file, MappingNode map, String field, boolean required, List<Problem> problems) {
		Node node = value(map, field);
		if (node == null) {
			if (required) {
				problems.add(problem(file, line(map), "problem.missing", field));
			}
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			problems.add(problem(file, line(node), "problem.notList", field));
			return List.of();
		}
		List<String> items = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			String value = scalar(item);
			if (value == null) {
				problems.add(problem(file, line(item), "problem.notText", field));
			}
			else if (!value.isBlank()) {
				items.add(value.strip());
			}
		}
		return items;
	}

	static Node value(MappingNode map, String key) {
		for (NodeTuple tuple : map.getValue()) {
			if (key.equals(scalar(tuple.getKeyNode()))) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	static String scalar(Node node) {
		return node instanceof ScalarNode s ? s.getValue() : null;
	}

	static int line(Node node) {
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	static Problem problem(String file, int line, String key, Object... args) {
		return new Problem(file, line, Messages.get(key + ".zh", args), Messages.get(key + ".en", args));
	}

}
