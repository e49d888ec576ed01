package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

/**
 * The one place user- and staff-facing text lives outside the intent files
 * ({@code messages.properties}, UTF-8), so that Java code holds no Chinese strings.
 */
public final class Messages {

	private static final Properties TEXTS = load();

	private Messages() {
	}

	/** The text for {@code key}, with {@code {0}}-style arguments filled in. */
	public static String get(String key, Object... args) {
		String pattern = TEXTS.getProperty(key);
		if (pattern == null) {
			throw new IllegalArgumentException("no message " + key + " in messages.properties");
		}
		return args.length == 0 ? pattern : new MessageFormat(pattern).format(args);
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = Messages.class.getResourceAsStream("/messages.properties")) {
			if (in == null) {
				throw new IllegalStateException("messages.properties is missing from the classpath");
			}
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
