package org.qualitymonth.assistant.knowledge;

/**
 * Something wrong in the intent files, told so that staff who are not programmers can fix it.
 *
 * @param file the intent file, relative to the intents directory
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param chinese what is wrong and how to fix it, in Chinese
 * @param english the same in English
 */
public record Problem(String file, int line, String chinese, String english) {

	@Override
	public String toString() {
		return file + (line > 0 ? ":" + line : "") + ": " + chinese + " / " + english;
	}

}
