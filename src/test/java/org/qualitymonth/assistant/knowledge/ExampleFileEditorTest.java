package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExampleFileEditorTest {

	private final ExampleFileEditor editor = new ExampleFileEditor();

	static final String FILE = """
			# 本文件：联系方式
			intents:
			  - id: contact_phone
			    title: 联系电话
			    answer: >-
			      联系电话：010-82262033。
			    examples:
			      - 电话是多少
			      - 联系电话   # 常见问法
			      # 以后再补充
			    related: [contact_fax]

			  - id: contact_fax
			    title: 传真
			    answer: 传真82260120。
			    examples:
			      - 传真号
			""";

	@Test
	void addsALineAfterTheLastExampleIndentedLikeTheOthersAndChangesNothingElse() throws Exception {
		ExampleFileEditor.Edit edit = editor.addExample(FILE, "contact_phone", "打哪个电话咨询").orElseThrow();
		assertThat(edit.alreadyThere()).isFalse();
		assertThat(edit.line()).isEqualTo(10);
		assertThat(edit.content())
			.isEqualTo(FILE.replace("      - 联系电话   # 常见问法\n", "      - 联系电话   # 常见问法\n      - 打哪个电话咨询\n"));
		assertThat(examples(edit.content(), "contact_phone")).containsExactly("电话是多少", "联系电话", "打哪个电话咨询");
		assertThat(examples(edit.content(), "contact_fax")).containsExactly("传真号");
	}

	@Test
	void addsToTheLastIntentOfTheFile() throws Exception {
		String edited = editor.addExample(FILE, "contact_fax", "传真多少").orElseThrow().content();
		assertThat(edited).endsWith("      - 传真号\n      - 传真多少\n");
	}

	@Test
	void quotesOnlyWhereYamlNeedsIt() throws Exception {
		String edited = editor.addExample(FILE, "contact_fax", "传真: 是多少 #号").orElseThrow().content();
		assertThat(edited).contains("      - '传真: 是多少 #号'\n");
		assertThat(examples(edited, "contact_fax")).containsExactly("传真号", "传真: 是多少 #号");
		assertThat(ExampleFileEditor.scalar("138****5678 的传真")).isEqualTo("138****5678 的传真");
		assertThat(ExampleFileEditor.scalar("- 开头")).isEqualTo("'- 开头'");
		assertThat(ExampleFileEditor.scalar("it's \"quoted\"")).isEqualTo("it's \"quoted\"");
		assertThat(ExampleFileEditor.scalar("true")).isEqualTo("'true'");
	}

	@Test
	void keepsWindowsLineEnds() throws Exception {
		String windows = FILE.replace("\n", "\r\n");
		String edited = editor.addExample(windows, "contact_phone", "咨询电话").orElseThrow().content();
		assertThat(edited).contains("# 常见问法\r\n      - 咨询电话\r\n").doesNotContain("咨询电话\n      #");
		assertThat(edited.replace("\r\n", "")).doesNotContain("\n");
	}

	@Test
	void worksOnAFileWithoutAFinalLineEnd() throws Exception {
		String noFinalNewline = FILE.stripTrailing();
		String edited = editor.addExample(noFinalNewline, "contact_fax", "传真多少").orElseThrow().content();
		assertThat(edited).endsWith("      - 传真号\n      - 传真多少");
	}

	@Test
	void notesAnExampleThatIsAlreadyThere() throws Exception {
		ExampleFileEditor.Edit edit = editor.addExample(FILE, "contact_phone", "联系电话").orElseThrow();
		assertThat(edit.alreadyThere()).isTrue();
		assertThat(edit.content()).isEqualTo(FILE);
		assertThat(edit.line()).isEqualTo(9);
	}

	@Test
	void findsNothingForAnIntentOfAnotherFile() throws Exception {
		assertThat(editor.addExample(FILE, "theme", "主题")).isEmpty();
	}

	@Test
	void refusesExamplesWrittenAsAFlowList() {
		String flow = "- id: a\n  answer: x\n  examples: [一, 二]\n";
		assertThatThrownBy(() -> editor.addExample(flow, "a", "三"))
			.isInstanceOf(ExampleFileEditor.CannotEditException.class)
			.hasMessageContaining("not a list of \"- \" lines");
	}

	@Test
	void refusesMultiLineExamples() {
		assertThatThrownBy(() -> ExampleFileEditor.scalar("一\n二")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void addsOneLineToEveryIntentOfTheShippedFilesAndTheyStillParse() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("intents"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				String content = Files.readString(file, StandardCharsets.UTF_8);
				for (String id : ids(content)) {
					String example = "管理员新增的问法 " + id;
					String edited = editor.addExample(content, id, example).orElseThrow().content();
					List<String> before = Arrays.asList(content.split("\n", -1));
					List<String> after = new ArrayList<>(Arrays.asList(edited.split("\n", -1)));
					assertThat(after).as(file + " " + id).hasSize(before.size() + 1);
					after.removeIf(line -> line.endsWith("- " + example));
					assertThat(after).as(file + " " + id).isEqualTo(before);
					assertThat(examples(edited, id)).as(file + " " + id).endsWith(example);
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> intents(String content) {
		Object root = new Yaml().load(new StringReader(content));
		return root instanceof Map<?, ?> map ? (List<Map<String, Object>>) map.get("intents")
				: (List<Map<String, Object>>) root;
	}

	@SuppressWarnings("unchecked")
	private static List<String> examples(String content, String id) {
		return intents(content).stream()
			.filter(i -> id.equals(i.get("id")))
			.map(i -> (List<String>) i.get("examples"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The intent ids of a file; none for the department list and the unanswerable asks,
	 * which have no examples.
	 */
	private static List<String> ids(String content) throws IOException {
		List<Map<String, Object>> intents = intents(content);
		return intents == null ? List.of() : intents.stream().map(i -> (String) i.get("id")).toList();
	}

}
