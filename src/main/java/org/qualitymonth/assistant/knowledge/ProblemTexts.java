package org.qualitymonth.assistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of validation problems, from messages.properties through a
 * {@link MessageSource} built like Spring Boot's: intent files are parsed and checked in
 * static code that also runs without Spring (the staff command line, the workbook import,
 * tests), so this one is not injected. The same bundle serves the rest of the code that
 * runs without Spring ({@link #messages()}).
 */
public final class ProblemTexts {

	private static final MessageSource MESSAGES = messageSource();

	private ProblemTexts() {
	}

	/**
	 * messages.properties read as Spring Boot reads it for the application (basename
	 * {@code messages}, UTF-8), for code that runs without Spring.
	 */
	public static MessageSource messages() {
		return MESSAGES;
	}

	static String get(String key, Object... args) {
		return MESSAGES.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * A problem whose Chinese and English texts are {@code key.zh} and {@code key.en}.
	 */
	static Problem problem(String file, int line, String key, Object... args) {
		return new Problem(file, line, get(key + ".zh", args), get(key + ".en", args));
	}

	private static MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
