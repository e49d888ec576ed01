package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the knowledge base's plain-Java parts: the notice answers are checked against, and the watcher that reloads
 * edited intent files (the reloader itself is the conversation core's, which installs what it loads).
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

	@Bean
	NoticeGrounding noticeGrounding(BotProperties bot) {
		try {
			return new NoticeGrounding(Files.readString(bot.noticeFile(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the notice " + bot.noticeFile().toAbsolutePath()
					+ " (set bot.notice-file); answers are checked against it", ex);
		}
	}

	@Bean(destroyMethod = "close")
	IntentDirectoryWatcher intentDirectoryWatcher(KnowledgeReloader reloader, KnowledgeSettings settings) {
		IntentDirectoryWatcher watcher = new IntentDirectoryWatcher(reloader);
		return settings.watch() ? watcher.start(settings.pollInterval()) : watcher;
	}

}
