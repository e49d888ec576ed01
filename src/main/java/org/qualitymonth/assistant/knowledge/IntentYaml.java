package org.qualitymonth.assistant.knowledge;

import java.util.List;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes intents as an intent file in the shipped files' layout ({@code intents:} list,
 * answers as folded blocks, one example per {@code - } line), keeping the comment block
 * at the top of the file it replaces.
 */
final class IntentYaml {

	private IntentYaml() {
	}

	static String write(String header, List<Intent> intents) {
		StringBuilder out = new StringBuilder(header);
		out.append("intents:\n");
		for (int i = 0; i < intents.size(); i++) {
			if (i > 0) {
				out.append('\n');
			}
			Intent intent = intents.get(i);
			out.append("  - id: ").append(intent.id()).append('\n');
			out.append("    title: ").append(scalar(intent.title())).append('\n');
			if (intent.source() != null && !intent.source().isBlank()) {
				out.append("    source: ").append(scalar(intent.source())).append('\n');
			}
			out.append("    answer: ").append(block(intent.answer()));
			if (intent.english() != null) {
				if (intent.english().title() != null) {
					out.append("    title_en: ").append(scalar(intent.english().title())).append('\n');
				}
				out.append("    answer_en: ").append(block(intent.english().answer()));
			}
			if (!intent.keywords().isEmpty()) {
				out.append("    keywords: [")
					.append(String.join(", ", intent.keywords().stream().map(IntentYaml::scalar).toList()))
					.append("]\n");
			}
			if (!intent.facts().isEmpty()) {
				out.append("    facts:\n");
				for (Fact fact : intent.facts()) {
					out.append("      - asks: [")
						.append(String.join(", ", fact.asks().stream().map(IntentYaml::scalar).toList()))
						.append("]\n");
					out.append("        answer: ").append(scalar(fact.answer())).append('\n');
					if (fact.answerEn() != null) {
						out.append("        answer_en: ").append(scalar(fact.answerEn())).append('\n');
					}
				}
			}
			out.append("    examples:\n");
			intent.examples().forEach(e -> out.append("      - ").append(scalar(e)).append('\n'));
			if (!intent.related().isEmpty()) {
				out.append("    related: [").append(String.join(", ", intent.related())).append("]\n");
			}
			if (!intent.publicInfo().isEmpty()) {
				out.append("    public_info:\n");
				intent.publicInfo().forEach(p -> out.append("      - ").append(scalar(p)).append('\n'));
			}
		}
		return out.toString();
	}

	/**
	 * The comments and blank lines a file starts with: the staff guide the shipped files
	 * carry.
	 */
	static String header(String content) {
		StringBuilder header = new StringBuilder();
		for (String line : content.split("\r?\n", -1)) {
			if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
				break;
			}
			header.append(line).append('\n');
		}
		return header.toString().replaceAll("\n+$", "\n").replaceFirst("^\n$", "");
	}

	/**
	 * A one-line answer as a folded block (no quoting needed), several lines as a literal
	 * block.
	 */
	private static String block(String text) {
		String indent = "      ";
		String style = text.contains("\n") ? "|-" : ">-";
		StringBuilder out = new StringBuilder(style).append('\n');
		for (String line : text.split("\n", -1)) {
			out.append(line.isBlank() ? "" : indent + line.stripTrailing()).append('\n');
		}
		return out.toString();
	}

	/**
	 * Plain where YAML allows it, quoted where it must be (colons, leading symbols,
	 * "yes", numbers).
	 */
	static String scalar(String text) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setAllowUnicode(true);
		options.setWidth(Integer.MAX_VALUE);
		options.setSplitLines(false);
		String dumped = new Yaml(options).dump(List.of(text)).stripTrailing();
		if (!dumped.startsWith("- ") || dumped.contains("\n")) {
			throw new IllegalArgumentException("not one line of text: " + text);
		}
		return dumped.substring(2);
	}

}
