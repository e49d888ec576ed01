package org.qualitymonth.assistant.nlu;

/** The language a question is written in, as far as the assistant answers it. */
public enum Language {

	/** Chinese: answered from the intent files. */
	ZH,
	/** English: answered with the English text staff wrote, where there is one. */
	EN,
	/** Anything else: offered the English menu. */
	OTHER

}
