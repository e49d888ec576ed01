package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the shared test application ({@link AppTest}) a directory of its own under
 * {@code target/test-data}: a fresh data directory (query log, spool) and a copy of the
 * shipped intent files, which tests may edit (hot reload, "add as example") without
 * touching the repository's. An initializer rather than a {@code @DynamicPropertySource}
 * per class, so that every class has the same configuration and the context is cached.
 */
public class TestDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The properties every shared-application test relies on. */
	static Map<String, Object> settings(Path root) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("bot.data-dir", root.resolve("data").toString());
		settings.put("bot.intents-dir", root.resolve("intents").toString());
		settings.put("bot.admin.password", RunningApp.ADMIN_PASSWORD);
		settings.put("bot.query-log.flush-interval", "100ms");
		settings.put("bot.knowledge.poll-interval", "100ms");
		// every test client is 127.0.0.1: the per-address budget would be shared by the
		// whole suite; the per-session
		// budget stays at its default, and its own tests meet it
		settings.put("bot.rate-limit.questions-per-address", "1000000");
		// a site allowed to embed the widget, so that the headers show a configured
		// origin (the default, 'self', is
		// WebSettingsTest's)
		settings.put("bot.web.embed-origins", "self,https://www.example.gov.cn/");
		return settings;
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Path root = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
		copyIntents(root.resolve("intents"));
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testDataDirectory", settings(root)));
	}

	/** A copy of the shipped intent files in {@code target}. */
	public static Path copyIntents(Path target) {
		try {
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(Path.of("intents"))) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName()));
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
