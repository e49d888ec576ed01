package org.qualitymonth.assistant.knowledge;

/**
 * Something wrong in the intent files, told so that staff who are not programmers can fix
 * it.
 *
 * @param file the intent file, relative to the intents directory
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param chinese what is wrong and how to fix it, in Chinese
 * @param english the same in English
 * @param severity an error rejects the edit; a warning is reported but the edit is loaded
 */
public record Problem(String file, int line, String chinese, String english, Severity severity) {

	/**
	 * Errors make the files unusable (syntax, missing fields, clashes). Warnings are
	 * doubts staff should look at but that must not stop an edit, e.g. a phone number the
	 * notice does not contain after the office changed it.
	 */
	public enum Severity {

		ERROR, WARNING

	}

	public Problem(String file, int line, String chinese, String english) {
		this(file, line, chinese, english, Severity.ERROR);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	Problem asWarning() {
		return new Problem(file, line, chinese, english, Severity.WARNING);
	}

	@Override
	public String toString() {
		return (severity == Severity.WARNING ? "warning: " : "") + file + (line > 0 ? ":" + line : "") + ": " + chinese
				+ " / " + english;
	}

}
