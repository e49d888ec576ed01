package org.qualitymonth.assistant.nlu;

/**
 * The Chinese script of a question, so that the reply comes back in it: simplified, or
 * traditional in the general, Taiwan or Hong Kong form (HanLP's conversion tables, held
 * by {@link ScriptConversion}).
 */
public enum Script {

	SIMPLIFIED, TRADITIONAL, TAIWAN, HONG_KONG;

	/** {@code simplified} (the intent files' script) written in this script. */
	public String convert(String simplified) {
		if (simplified == null || simplified.isEmpty()) {
			return simplified;
		}
		return switch (this) {
			case SIMPLIFIED -> simplified;
			case TRADITIONAL -> ScriptConversion.SIMPLIFIED_TO_TRADITIONAL.convert(simplified);
			case TAIWAN -> ScriptConversion.SIMPLIFIED_TO_TAIWAN.convert(simplified);
			case HONG_KONG -> ScriptConversion.SIMPLIFIED_TO_HONG_KONG.convert(simplified);
		};
	}

	public boolean isTraditional() {
		return this != SIMPLIFIED;
	}

}
