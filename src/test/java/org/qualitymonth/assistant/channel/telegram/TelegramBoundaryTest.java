package org.qualitymonth.assistant.channel.telegram;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Telegram types never leave this package, and the package shows only its settings. */
class TelegramBoundaryTest {

	private static final String PACKAGE_DIR = "org/qualitymonth/assistant/channel/telegram/";

	@Test
	void noClassOutsideTheChannelMentionsATelegramType() throws Exception {
		Path classes = classesRoot();
		List<String> offenders;
		try (Stream<Path> files = Files.walk(classes)) {
			offenders = files.filter(f -> f.toString().endsWith(".class"))
				.filter(f -> !classes.relativize(f).toString().replace('\\', '/').startsWith(PACKAGE_DIR))
				.filter(TelegramBoundaryTest::mentionsTelegram)
				.map(f -> classes.relativize(f).toString())
				.toList();
		}

		assertThat(offenders).isEmpty();
		assertThat(mentionsTelegram(classes.resolve(PACKAGE_DIR + "TelegramBot.class"))).as("the check can fail").isTrue();
	}

	@Test
	void onlyTheSettingsAreVisibleOutsideThePackage() throws Exception {
		Path dir = classesRoot().resolve(PACKAGE_DIR);
		List<String> publicTypes;
		try (Stream<Path> files = Files.list(dir)) {
			publicTypes = files.map(f -> f.getFileName().toString())
				.filter(name -> name.endsWith(".class"))
				.map(name -> "org.qualitymonth.assistant.channel.telegram." + name.substring(0, name.length() - 6))
				.filter(TelegramBoundaryTest::isPublic)
				.toList();
		}

		assertThat(publicTypes).allSatisfy(type -> assertThat(type).startsWith(TelegramSettings.class.getName()));
		assertThat(publicTypes).contains(TelegramSettings.class.getName());
	}

	/** Reachable from other packages: public, and so is every type it is nested in. */
	private static boolean isPublic(String className) {
		try {
			for (Class<?> type = Class.forName(className); type != null; type = type.getEnclosingClass()) {
				if (!Modifier.isPublic(type.getModifiers())) {
					return false;
				}
			}
			return true;
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean mentionsTelegram(Path classFile) {
		try {
			// class files name the types they use in their constant pool, in internal form
			return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("org/telegram/");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path classesRoot() throws URISyntaxException {
		return Path.of(TelegramBot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

}
