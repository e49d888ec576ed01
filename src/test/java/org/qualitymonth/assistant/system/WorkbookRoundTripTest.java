package org.qualitymonth.assistant.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's "done when" for Excel: export from the running assistant, change an answer,
 * import with the command line tool, and the bot serves the new answer; a workbook with a
 * blank answer is refused by sheet, row and column.
 */
@AppTest
class WorkbookRoundTripTest {

	static final String NEW_ANSWER = "2020年全国“质量月”活动的主题是：“建设质量强国 决胜全面小康”。（来自 Excel 的新回答）";

	@TempDir
	Path dir;

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void editedAnswerInTheWorkbookIsServedAfterImportAndABlankOneIsRefused() throws Exception {
		Path intents = Path.of(context.getEnvironment().getRequiredProperty("bot.intents-dir"));
		JsonMapper json = JsonMapper.builder().build();
		try (RunningApp app = RunningApp.shared(context)) {
			assertThat(app.get("/api/v1/admin/intents.xlsx", null).statusCode()).isEqualTo(401);
			HttpResponse<byte[]> export = app.getBytes("/api/v1/admin/intents.xlsx", RunningApp.ADMIN_PASSWORD);
			assertThat(export.statusCode()).isEqualTo(200);
			assertThat(export.headers().firstValue("Content-Type"))
				.hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

			Path blank = dir.resolve("blank.xlsx");
			Files.write(blank, withAnswer(export.body(), ""));
			Output refused = run("import", blank.toString(), "--intents=" + intents);
			assertThat(refused.code()).isEqualTo(1);
			assertThat(refused.text()).contains("blank.xlsx", "工作表“意图”第 ", " 行 C 列（回答 (answer)）不能为空");

			Path edited = dir.resolve("edited.xlsx");
			Files.write(edited, withAnswer(export.body(), NEW_ANSWER));
			assertThat(run("validate", edited.toString(), "--intents=" + intents).code()).isZero();
			Output imported = run("import", edited.toString(), "--intents=" + intents);
			assertThat(imported.code()).as(imported.text()).isZero();
			assertThat(imported.text()).contains("已导入", "10_basics.yaml");

			long deadline = System.nanoTime() + 30_000_000_000L;
			String answer = "";
			while (System.nanoTime() < deadline && !answer.equals(NEW_ANSWER)) {
				Thread.sleep(300);
				// the theme question is answered with its single fact first; the edited
				// paragraph is the reply's details
				var reply = json.readTree(app.ask("质量月的主题是什么", "after-import").body());
				answer = reply.path("details").asString(reply.path("answer").asString(""));
			}
			assertThat(answer).isEqualTo(NEW_ANSWER);
		}
		finally {
			SharedKnowledge.restore(RunningApp.shared(context));
		}
	}

	record Output(int code, String text) {
	}

	private static Output run(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = StaffCommands.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Output(code, bytes.toString(StandardCharsets.UTF_8));
	}

	private static byte[] withAnswer(byte[] workbook, String answer) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				if (row.getCell(0) != null && row.getCell(0).getStringCellValue().equals("theme")) {
					row.getCell(2).setCellValue(answer);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

}
