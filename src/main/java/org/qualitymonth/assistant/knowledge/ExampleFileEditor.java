package org.qualitymonth.assistant.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import static org.qualitymonth.assistant.knowledge.IntentFileParser.value;

/**
 * Adds one example under an intent in the text of an intent file, as a person would: a
 * new {@code - } line after the last example, indented like the others, quoted only where
 * YAML needs it. Comments, order and layout of the rest of the file stay exactly as they
 * were; the result is parsed again to prove it says what was meant. The file shapes and
 * the quoting are the intent loader's and writer's ({@link IntentFileParser},
 * {@link IntentYaml}), so the format is coded once.
 */
public final class ExampleFileEditor {

	private static final Pattern ITEM_PREFIX = Pattern.compile("\\s*-\\s+");

	/**
	 * The edited text and the (1-based) line of the new example; {@code alreadyThere}
	 * when nothing changed.
	 */
	public record Edit(String content, int line, boolean alreadyThere) {
	}

	/**
	 * Thrown when the intent is in the file but its examples cannot be edited safely as
	 * text.
	 */
	public static final class CannotEditException extends Exception {

		CannotEditException(String message) {
			super(message);
		}

	}

	/**
	 * The file with {@code example} added to intent {@code intentId}; empty when the
	 * intent is not in this file.
	 */
	public Optional<Edit> addExample(String content, String intentId, String example) throws CannotEditException {
		SequenceNode examples = examplesOf(compose(content), intentId).orElse(null);
		if (examples == null) {
			return Optional.empty();
		}
		if (examples.getFlowStyle() != DumperOptions.FlowStyle.BLOCK || examples.getValue().isEmpty()) {
			throw new CannotEditException("the examples of " + intentId + " are not a list of \"- \" lines");
		}
		for (Node item : examples.getValue()) {
			if (item instanceof ScalarNode scalar && scalar.getValue().strip().equals(example)) {
				return Optional.of(new Edit(content, item.getStartMark().getLine() + 1, true));
			}
		}
		String separator = content.contains("\r\n") ? "\r\n" : "\n";
		List<String> lines = new ArrayList<>(Arrays.asList(content.split(separator, -1)));
		Node first = examples.getValue().get(0);
		String firstLine = lines.get(first.getStartMark().getLine());
		String prefix = firstLine.substring(0, Math.min(firstLine.length(), first.getStartMark().getColumn()));
		if (!ITEM_PREFIX.matcher(prefix).matches()) {
			throw new CannotEditException("the first example of " + intentId + " does not start its own \"- \" line");
		}
		Node last = examples.getValue().get(examples.getValue().size() - 1);
		// a block scalar ends at the start of the next line; every other scalar ends on
		// its own line
		int insertAt = last.getEndMark().getColumn() == 0 && last.getEndMark().getLine() > last.getStartMark().getLine()
				? last.getEndMark().getLine() : last.getEndMark().getLine() + 1;
		lines.add(insertAt, prefix + scalar(example));
		String edited = String.join(separator, lines);
		verify(edited, intentId, example);
		return Optional.of(new Edit(edited, insertAt + 1, false));
	}

	/**
	 * The example as YAML would write it in a block list: plain where it can be, quoted
	 * where it must.
	 */
	static String scalar(String example) {
		try {
			return IntentYaml.scalar(example);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("an example must be one line of text", ex);
		}
	}

	private void verify(String edited, String intentId, String example) throws CannotEditException {
		try {
			List<Node> items = examplesOf(compose(edited), intentId).map(SequenceNode::getValue).orElse(List.of());
			Node added = items.isEmpty() ? null : items.get(items.size() - 1);
			if (!(added instanceof ScalarNode scalar) || !scalar.getValue().equals(example)) {
				throw new CannotEditException("after the edit the last example of " + intentId + " is not the new one");
			}
		}
		catch (YAMLException ex) {
			throw new CannotEditException("the edit would break the file: " + ex.getMessage());
		}
	}

	private static Node compose(String content) throws CannotEditException {
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			return new Yaml(options).compose(new StringReader(content));
		}
		catch (YAMLException ex) {
			throw new CannotEditException("the file is not valid YAML: " + ex.getMessage());
		}
	}

	private static Optional<SequenceNode> examplesOf(Node root, String intentId) throws CannotEditException {
		for (Node node : IntentFileParser.intentNodes(root).orElse(List.of())) {
			if (node instanceof MappingNode intent && intentId.equals(IntentFileParser.scalar(value(intent, "id")))) {
				Node examples = value(intent, "examples");
				if (!(examples instanceof SequenceNode sequence)) {
					throw new CannotEditException("intent " + intentId + " has no examples list");
				}
				return Optional.of(sequence);
			}
		}
		return Optional.empty();
	}

}
