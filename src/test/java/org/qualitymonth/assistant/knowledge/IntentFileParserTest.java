package org.qualitymonth.assistant.knowledge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntentFileParserTest {

	private final IntentFileParser parser = new IntentFileParser();

	@Test
	void readsAListOfIntentsWithAllFields() {
		IntentFileParser.Parsed parsed = parser.parse("a.yaml", """
				intents:
				  - id: theme
				    title: 活动主题
				    source: 一、活动主题
				    answer: 主题是……
				    examples: [主题是什么, 口号]
				    related: [time]
				    public_info: []
				""");
		assertThat(parsed.problems()).isEmpty();
		Intent intent = parsed.intents().get(0);
		assertThat(intent.id()).isEqualTo("theme");
		assertThat(intent.title()).isEqualTo("活动主题");
		assertThat(intent.examples()).containsExactly("主题是什么", "口号");
		assertThat(intent.related()).containsExactly("time");
		assertThat(intent.origin()).isEqualTo(new Intent.Origin("a.yaml", 2));
	}

	@Test
	void readsASingleIntentFile() {
		IntentFileParser.Parsed parsed = parser.parse("b.yaml", """
				id: time
				answer: 2020年9月
				examples: [几月]
				""");
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.intents()).extracting(Intent::id).containsExactly("time");
		assertThat(parsed.intents().get(0).title()).isEqualTo("time");
	}

	@Test
	void reportsTheLineOfASyntaxError() {
		IntentFileParser.Parsed parsed = parser.parse("broken.yaml", """
				intents:
				  - id: theme
				    answer: "unclosed
				    examples: [a]
				""");
		assertThat(parsed.intents()).isEmpty();
		assertThat(parsed.problems()).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("broken.yaml");
			assertThat(p.line()).isBetween(3, 5);
			assertThat(p.chinese()).contains("YAML");
			assertThat(p.english()).contains("YAML syntax error");
		});
	}

	@Test
	void reportsMissingFieldsWithTheIntentsLine() {
		IntentFileParser.Parsed parsed = parser.parse("c.yaml", """
				intents:
				  - id: ok
				    answer: x
				    examples: [a]
				  - id: no_answer
				    examples: [b]
				""");
		assertThat(parsed.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(5);
			assertThat(p.english()).contains("\"answer\" is missing");
		});
	}

	@Test
	void reportsUnknownFieldsAsLikelyTypos() {
		IntentFileParser.Parsed parsed = parser.parse("d.yaml", """
				- id: x
				  answer: y
				  exampels: [a]
				""");
		assertThat(parsed.problems()).extracting(Problem::english)
			.anySatisfy(m -> assertThat(m).contains("Unknown field \"exampels\""))
			.anySatisfy(m -> assertThat(m).contains("\"examples\" is missing"));
	}

	@Test
	void rejectsIdsStaffCannotTypeReliably() {
		IntentFileParser.Parsed parsed = parser.parse("e.yaml", """
				- id: 主题
				  answer: y
				  examples: [a]
				""");
		assertThat(parsed.problems()).extracting(Problem::english).anySatisfy(m -> assertThat(m).contains("invalid"));
	}

	@Test
	void rejectsAnUnexpectedTopLevel() {
		assertThat(parser.parse("f.yaml", "just some text").problems()).extracting(Problem::english)
			.anySatisfy(m -> assertThat(m).contains("Unexpected file structure"));
	}

}
