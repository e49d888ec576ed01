package org.qualitymonth.assistant.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The intents as one Excel sheet, for staff who live in Excel or WPS: one row per intent;
 * examples and public information one per line inside their cell; the YAML file each
 * intent lives in. Reading it back gives the same intents and the same checks as the YAML
 * files, with problems named by sheet, row and column.
 */
public final class IntentWorkbook {

	/** The sheet's name, as staff see it on its tab. */
	public static final String SHEET = ProblemTexts.get("workbook.sheet");

	/**
	 * Column headers: Chinese for staff, the YAML field in brackets so the two can be
	 * matched (id, title, answer, source, examples, related, public_info, file).
	 */
	static final List<String> HEADERS = List.of(ProblemTexts.get("workbook.headers").split("\\|"));

	private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-]+\\.ya?ml");

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");

	private static final int ID_COL = 0;

	private static final int TITLE = 1;

	private static final int ANSWER = 2;

	private static final int SOURCE = 3;

	private static final int EXAMPLES = 4;

	private static final int RELATED = 5;

	private static final int PUBLIC_INFO = 6;

	private static final int FILE_COL = 7;

	private IntentWorkbook() {
	}

	/**
	 * The intents of one workbook (their origin: the workbook's sheet and row), the YAML
	 * file each belongs in, and what is wrong with the workbook.
	 */
	public record Read(List<Intent> intents, java.util.Map<String, String> files, List<Problem> problems) {

		public Read {
			intents = List.copyOf(intents);
			files = java.util.Map.copyOf(files);
			problems = List.copyOf(problems);
		}

	}

	public static byte[] export(List<Intent> intents) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(SHEET);
			CellStyle wrap = workbook.createCellStyle();
			wrap.setWrapText(true);
			Row header = sheet.createRow(0);
			for (int c = 0; c < HEADERS.size(); c++) {
				header.createCell(c).setCellValue(HEADERS.get(c));
			}
			int r = 1;
			for (Intent intent : intents) {
				Row row = sheet.createRow(r++);
				List<String> values = List.of(intent.id(), intent.title(), intent.answer(),
						intent.source() == null ? "" : intent.source(), String.join("\n", intent.examples()),
						String.join(", ", intent.related()), String.join("\n", intent.publicInfo()),
						intent.origin().file());
				for (int c = 0; c < values.size(); c++) {
					Cell cell = row.createCell(c);
					cell.setCellValue(values.get(c));
					cell.setCellStyle(wrap);
				}
			}
			int[] widths = { 22, 16, 60, 20, 40, 30, 30, 22 };
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			sheet.createFreezePane(1, 1);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a workbook as {@link #export} writes it; {@code name} is the file name used
	 * in messages.
	 */
	public static Read read(InputStream in, String name) {
		List<Intent> intents = new ArrayList<>();
		java.util.Map<String, String> files = new java.util.HashMap<>();
		List<Problem> problems = new ArrayList<>();
		try (Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet(SHEET) != null ? workbook.getSheet(SHEET) : workbook.getSheetAt(0);
			DataFormatter text = new DataFormatter();
			Row header = sheet.getRow(0);
			for (int c = 0; c < HEADERS.size(); c++) {
				if (header == null || !HEADERS.get(c).equals(text.formatCellValue(header.getCell(c)).strip())) {
					problems
						.add(problem(name, 1, "workbook.header", sheet.getSheetName(), String.join(" | ", HEADERS)));
					return new Read(intents, files, problems);
				}
			}
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String[] cells = new String[HEADERS.size()];
				for (int c = 0; c < cells.length; c++) {
					cells[c] = row == null ? "" : text.formatCellValue(row.getCell(c)).strip();
				}
				if (Arrays.stream(cells).allMatch(String::isEmpty)) {
					continue;
				}
				readRow(name, sheet.getSheetName(), r + 1, cells, problems).ifPresent(intent -> {
					intents.add(intent);
					files.putIfAbsent(intent.id(), cells[FILE_COL]);
				});
			}
		}
		catch (IOException | RuntimeException ex) {
			problems.add(problem(name, 0, "workbook.unreadable", name, String.valueOf(ex.getMessage())));
		}
		return new Read(intents, files, problems);
	}

	private static java.util.Optional<Intent> readRow(String name, String sheet, int row, String[] cells,
			List<Problem> problems) {
		int before = problems.size();
		for (int column : new int[] { ID_COL, ANSWER, EXAMPLES, FILE_COL }) {
			if (cells[column].isEmpty()) {
				problems.add(cellProblem(name, sheet, row, column, "workbook.missing"));
			}
		}
		if (!cells[ID_COL].isEmpty() && !ID.matcher(cells[ID_COL]).matches()) {
			problems.add(cellProblem(name, sheet, row, ID_COL, "workbook.badId", cells[ID_COL]));
		}
		if (!cells[FILE_COL].isEmpty() && !FILE.matcher(cells[FILE_COL]).matches()) {
			problems.add(cellProblem(name, sheet, row, FILE_COL, "workbook.badFile", cells[FILE_COL]));
		}
		if (problems.size() > before) {
			return java.util.Optional.empty();
		}
		return java.util.Optional
			.of(new Intent(cells[ID_COL], cells[TITLE], cells[SOURCE].isEmpty() ? null : cells[SOURCE], cells[ANSWER],
					lines(cells[EXAMPLES]), items(cells[RELATED]), lines(cells[PUBLIC_INFO]),
					new Intent.Origin(ProblemTexts.get("workbook.origin", name, sheet), row)));
	}

	private static List<String> lines(String cell) {
		return cell.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/**
	 * Related ids as staff type them: commas (half or full width), 、 or line breaks
	 * between.
	 */
	private static List<String> items(String cell) {
		return Arrays.stream(cell.split("[,，、;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static Problem cellProblem(String name, String sheet, int row, int column, String key, Object... args) {
		String at = ProblemTexts.get("workbook.cell", sheet, row, (char) ('A' + column), HEADERS.get(column));
		String atEn = ProblemTexts.get("workbook.cell.en", sheet, row, (char) ('A' + column), HEADERS.get(column));
		Object[] all = new Object[args.length + 1];
		System.arraycopy(args, 0, all, 1, args.length);
		all[0] = at;
		String zh = ProblemTexts.get(key + ".zh", all);
		all[0] = atEn;
		return new Problem(name, row, zh, ProblemTexts.get(key + ".en", all));
	}

	private static Problem problem(String name, int row, String key, Object... args) {
		return new Problem(name, row, ProblemTexts.get(key + ".zh", args), ProblemTexts.get(key + ".en", args));
	}

}
