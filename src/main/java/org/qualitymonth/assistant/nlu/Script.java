package org.qualitymonth.assistant.nlu;

import com.hankcs.hanlp.HanLP;

/**
 * The Chinese script of a question, so that the reply comes back in it: simplified, or
 * traditional in the general, Taiwan or Hong Kong form (HanLP's conversion tables).
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
			case TRADITIONAL -> HanLP.convertToTraditionalChinese(simplified);
			case TAIWAN -> HanLP.s2tw(simplified);
			case HONG_KONG -> HanLP.s2hk(simplified);
		};
	}

	public boolean isTraditional() {
		return this != SIMPLIFIED;
	}

}
