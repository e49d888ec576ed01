package org.qualitymonth.assistant.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
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

	private static final Pattern LIST_ITEM = Pattern.compile("^\\s*-\\s+(.+)$");

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

	private static final Set<String> FIELDS = Set.of("id", "title", "source", "answer", "examples", "related",
			"public_info", "title_en", "answer_en", "facts", "keywords");

	private static final Set<String> FACT_FIELDS = Set.of("asks", "answer", "answer_en");

	/**
	 * What one file holds (intents, or the department list and the asks the notice cannot
	 * answer) and what is wrong with it.
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
			problems.add(YamlErrors.explain(file, content, ex));
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
			String[] lines = content.split("\r?\n", -1);
			for (Node item : intentNodes(file, root, problems)) {
				readIntent(file, item, lines, problems).ifPresent(intents::add);
			}
		}
		if (intents.isEmpty() && errors(problems) == 0) {
			// what a save cut short by a crash or a full disk leaves; a file staff no
			// longer want is deleted instead
			problems.add(problem(file, 0, "problem.empty"));
		}
		return new Parsed(intents, problems);
	}

	private List<Node> intentNodes(String file, Node root, List<Problem> problems) {
		Optional<List<Node>> intents = intentNodes(root);
		if (intents.isEmpty()) {
			problems.add(problem(file, line(root), "problem.shape"));
		}
		return intents.orElse(List.of());
	}

	/**
	 * The intents of a file in the shapes it may have (a list, {@code intents:} with a
	 * list, or one intent); empty for any other shape. The example editor finds intents
	 * the same way.
	 */
	static Optional<List<Node>> intentNodes(Node root) {
		if (root instanceof SequenceNode list) {
			return Optional.of(list.getValue());
		}
		if (root instanceof MappingNode map) {
			Node intents = value(map, "intents");
			if (intents instanceof SequenceNode list) {
				return Optional.of(list.getValue());
			}
			if (intents == null && value(map, "id") != null) {
				return Optional.of(List.of(root));
			}
		}
		return Optional.empty();
	}

	private static long errors(List<Problem> problems) {
		return problems.stream().filter(Problem::isError).count();
	}

	private Optional<Intent> readIntent(String file, Node node, String[] lines, List<Problem> problems) {
		if (!(node instanceof MappingNode map)) {
			problems.add(problem(file, line(node), "problem.notMapping"));
			return Optional.empty();
		}
		long before = errors(problems);
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
		reportMergedExamples(file, value(map, "examples"), lines, problems);
		List<String> related = list(file, map, "related", false, problems);
		List<String> publicInfo = list(file, map, "public_info", false, problems);
		String titleEn = text(file, map, "title_en", false, problems);
		String answerEn = text(file, map, "answer_en", false, problems);
		List<Fact> facts = facts(file, map, problems);
		List<String> keywords = list(file, map, "keywords", false, problems);
		if (errors(problems) > before) {
			return Optional.empty();
		}
		Intent.English english = answerEn == null ? null
				: new Intent.English(titleEn == null ? null : titleEn.strip(), answerEn.strip());
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
			if (value == null && colonInside(item) != null) {
				problems.add(problem(file, line(item), "problem.colonInExample", colonInside(item)));
			}
			else if (value == null) {
				problems.add(problem(file, line(item), "problem.notText", field));
			}
			else if (!value.isBlank()) {
				items.add(value.strip());
			}
		}
		return items;
	}

	/**
	 * {@code - 电话: 多少} is a one-entry mapping to YAML; staff meant the text
	 * {@code 电话: 多少}. Returns that text, or null when the item is something else.
	 */
	private static String colonInside(Node item) {
		if (item instanceof MappingNode map && map.getValue().size() == 1) {
			NodeTuple tuple = map.getValue().get(0);
			String key = scalar(tuple.getKeyNode());
			String value = scalar(tuple.getValueNode());
			if (key != null && value != null) {
				return key + ": " + value;
			}
		}
		return null;
	}

	/**
	 * One space too many before {@code - 邮箱} turns it into the continuation of the
	 * example above ("联系邮箱 - 邮箱"): valid YAML, so only the source lines show it.
	 */
	private static void reportMergedExamples(String file, Node examples, String[] lines, List<Problem> problems) {
		if (!(examples instanceof SequenceNode sequence)) {
			return;
		}
		for (Node item : sequence.getValue()) {
			if (!(item instanceof ScalarNode scalar) || scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
				continue;
			}
			int first = item.getStartMark().getLine();
			int last = Math.min(item.getEndMark().getLine(), lines.length - 1);
			for (int i = first + 1; i <= last; i++) {
				Matcher swallowed = LIST_ITEM.matcher(lines[i]);
				if (swallowed.matches()) {
					problems.add(problem(file, i + 1, "problem.mergedExample", i + 1, swallowed.group(1).strip(),
							scalar.getValue())
						.asWarning());
				}
			}
		}
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
		return ProblemTexts.problem(file, line, key, args);
	}

}
