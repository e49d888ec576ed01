package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.qualitymonth.assistant.chat.StandaloneAssistant;
import org.qualitymonth.assistant.knowledge.IntentWorkbook;
import org.qualitymonth.assistant.knowledge.WorkbookImport;
import org.springframework.context.support.MessageSourceAccessor;

/**
 * {@code validate intents.xlsx} and {@code import intents.xlsx}: the workbook exported
 * from the admin API, checked like the intent files and, for import, written into them. A
 * running assistant picks the files up by itself.
 */
final class WorkbookCommand {

	/**
	 * The CLI runs without Spring, so its texts come from the core's stand-alone message
	 * source.
	 */
	private static final MessageSourceAccessor TEXTS = new MessageSourceAccessor(StandaloneAssistant.messages(),
			Locale.SIMPLIFIED_CHINESE);

	private WorkbookCommand() {
	}

	static int run(String command, Path workbook, Path intents, Path notice, PrintStream out) {
		if (workbook == null || !Files.isRegularFile(workbook)) {
			out.println(TEXTS.getMessage("cli.noWorkbook",
					new Object[] { workbook == null ? "" : workbook.toAbsolutePath().normalize() }));
			return StaffCommands.MISSING_FILES;
		}
		boolean write = command.equals("import");
		try (InputStream in = Files.newInputStream(workbook)) {
			IntentWorkbook.Read read = IntentWorkbook.read(in, workbook.getFileName().toString());
			WorkbookImport.Result result = WorkbookImport.forNotice(notice, 10).run(read, intents, write);
			if (!result.ok()) {
				ProblemReport.printErrors(result.problems(), workbook, out);
				return 1;
			}
			result.problems().forEach(p -> ProblemReport.print(p, out));
			out.println(write
					? TEXTS.getMessage("cli.import.ok",
							new Object[] { read.intents().size(), result.written().size(), intents,
									String.join(", ", result.written()) })
					: TEXTS.getMessage("cli.workbook.ok", new Object[] { read.intents().size(), workbook }));
			return 0;
		}
		catch (IOException ex) {
			out.println(TEXTS.getMessage("cli.failed", new Object[] { String.valueOf(ex.getMessage()) }));
			return StaffCommands.MISSING_FILES;
		}
	}

}
