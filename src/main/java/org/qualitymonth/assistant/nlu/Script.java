package org.qualitymonth.assistant.nlu;

/**
 * The Chinese script of a question, so that the reply comes back in it: simplified, or
 * traditional in the general, Taiwan or Hong Kong form (HanLP's conversion tables, held
 * by {@link ScriptTables}).
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
			case TRADITIONAL -> ScriptTables.toTraditional(simplified);
			case TAIWAN -> ScriptTables.toTaiwan(simplified);
			case HONG_KONG -> ScriptTables.toHongKong(simplified);
		};
	}

	public boolean isTraditional() {
		return this != SIMPLIFIED;
	}

}
