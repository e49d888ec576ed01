package org.qualitymonth.assistant.knowledge;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intents as a workbook and back into the YAML files, on a copy of the shipped files.
 */
class IntentWorkbookTest {

	static final String NEW_ANSWER = "2020年全国“质量月”活动的主题是：“建设质量强国 决胜全面小康”。（经工作簿修改）";

	@TempDir
	Path dir;

	NoticeGrounding grounding;

	KnowledgeBase shipped;

	@BeforeEach
	void copyShippedFiles() throws Exception {
		try (Stream<Path> files = Files.list(Path.of("intents"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
				Files.copy(file, dir.resolve(file.getFileName()));
			}
		}
		grounding = new NoticeGrounding(
				Files.readString(Path.of("seeds/000_6176395c013b77c3.txt"), StandardCharsets.UTF_8));
		shipped = load();
	}

	@Test
	void exportedWorkbookReadsBackAsTheSameIntentsAndImportChangesNoFile() throws Exception {
		IntentWorkbook.Read read = read(IntentWorkbook.export(shipped.intents()));
		assertThat(read.problems()).isEmpty();
		assertThat(read.intents()).hasSameSizeAs(shipped.intents());
		for (int i = 0; i < read.intents().size(); i++) {
			Intent back = read.intents().get(i);
			Intent original = shipped.intents().get(i);
			assertThat(back.id()).isEqualTo(original.id());
			assertThat(back.answer()).isEqualTo(original.answer());
			assertThat(back.examples()).isEqualTo(original.examples());
			assertThat(back.related()).isEqualTo(original.related());
			assertThat(read.files()).containsEntry(original.id(), original.origin().file());
		}
		WorkbookImport.Result result = new WorkbookImport(grounding, 10).run(read, dir, true);
		assertThat(result.ok()).isTrue();
		assertThat(result.written()).isEmpty();
	}

	@Test
	void aChangedAnswerIsWrittenIntoItsOwnFileKeepingItsComments() throws Exception {
		String file = shipped.intent("theme").origin().file();
		String before = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
		byte[] edited = edit(IntentWorkbook.export(shipped.intents()), sheet -> cell(sheet, "theme", 2, NEW_ANSWER));
		WorkbookImport.Result result = new WorkbookImport(grounding, 10).run(read(edited), dir, true);
		assertThat(result.ok()).as(result.problems().toString()).isTrue();
		assertThat(result.written()).containsExactly(file);
		KnowledgeBase after = load();
		assertThat(after.intent("theme").answer()).isEqualTo(NEW_ANSWER);
		assertThat(after.intents()).hasSameSizeAs(shipped.intents());
		assertThat(after.exampleCount()).isEqualTo(shipped.exampleCount());
		String firstComment = before.lines().filter(l -> l.startsWith("#")).findFirst().orElseThrow();
		assertThat(Files.readString(dir.resolve(file), StandardCharsets.UTF_8)).startsWith(firstComment);
		// what the workbook has no columns for stays: English text, single facts,
		// keywords, and the files beside
		for (Intent intent : shipped.intents()) {
			Intent back = after.intent(intent.id());
			assertThat(back.english()).as(intent.id()).isEqualTo(intent.english());
			assertThat(back.facts()).as(intent.id()).isEqualTo(intent.facts());
			assertThat(back.keywords()).as(intent.id()).isEqualTo(intent.keywords());
		}
		assertThat(after.departments()).isEqualTo(shipped.departments());
		assertThat(after.specifics()).hasSameSizeAs(shipped.specifics()).isNotEmpty();
	}

	@Test
	void aBlankAnswerIsRefusedWithSheetRowAndColumnAndNothingIsWritten() throws Exception {
		int row = shipped.intents().indexOf(shipped.intent("theme")) + 2;
		byte[] edited = edit(IntentWorkbook.export(shipped.intents()), sheet -> cell(sheet, "theme", 2, ""));
		IntentWorkbook.Read read = read(edited);
		WorkbookImport.Result result = new WorkbookImport(grounding, 10).run(read, dir, true);
		assertThat(result.ok()).isFalse();
		assertThat(result.written()).isEmpty();
		assertThat(result.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(row);
			assertThat(p.chinese()).isEqualTo("工作表“意图”第 " + row + " 行 C 列（回答 (answer)）不能为空。");
		});
		assertThat(load().intent("theme").answer()).isEqualTo(shipped.intent("theme").answer());
	}

	@Test
	void theSameChecksAsTheYamlFilesNameTheWorkbookRow() throws Exception {
		String taken = shipped.intent("theme").examples().get(0);
		byte[] edited = edit(IntentWorkbook.export(shipped.intents()), sheet -> {
			Row row = find(sheet, "time");
			row.getCell(4).setCellValue(row.getCell(4).getStringCellValue() + "\n" + taken);
		});
		WorkbookImport.Result result = new WorkbookImport(grounding, 10).run(read(edited), dir, false);
		assertThat(result.ok()).isFalse();
		assertThat(result.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("intents.xlsx 工作表“意图”");
			assertThat(p.line()).isEqualTo(shipped.intents().indexOf(shipped.intent("time")) + 2);
			assertThat(p.chinese()).contains(taken, "theme", "time");
		});
	}

	@Test
	void aFileThatIsNotAWorkbookIsOneClearProblem() {
		IntentWorkbook.Read read = IntentWorkbook.read(new ByteArrayInputStream("id,answer".getBytes()),
				"intents.xlsx");
		assertThat(read.problems()).singleElement()
			.satisfies(p -> assertThat(p.chinese()).contains("无法读取 Excel 工作簿“intents.xlsx”"));
	}

	private KnowledgeBase load() throws InvalidKnowledgeException {
		return new KnowledgeLoader(grounding, 10, Clock.systemUTC()).load(dir);
	}

	private static IntentWorkbook.Read read(byte[] workbook) {
		return IntentWorkbook.read(new ByteArrayInputStream(workbook), "intents.xlsx");
	}

	static byte[] edit(byte[] workbook, Consumer<Sheet> change) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(book.getSheet(IntentWorkbook.SHEET));
			book.write(out);
			return out.toByteArray();
		}
	}

	static void cell(Sheet sheet, String id, int column, String value) {
		find(sheet, id).getCell(column).setCellValue(value);
	}

	static Row find(Sheet sheet, String id) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals(id)) {
				return row;
			}
		}
		throw new AssertionError("no row for " + id);
	}

}
