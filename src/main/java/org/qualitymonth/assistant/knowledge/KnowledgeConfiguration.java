package org.qualitymonth.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the knowledge base's plain-Java parts: the notice answers are checked against,
 * and the watcher that reloads edited intent files (the reloader itself is the
 * conversation core's, which installs what it loads).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling // Boot's task scheduler, for the watcher
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

	/** Loads and checks intent files: for the reloader and for the admin's edits. */
	@Bean
	KnowledgeLoader knowledgeLoader(NoticeGrounding grounding, BotProperties bot, Clock clock) {
		return new KnowledgeLoader(grounding, bot.minExamples(), clock);
	}

	@Bean(destroyMethod = "close")
	IntentDirectoryWatcher intentDirectoryWatcher(KnowledgeReloader reloader, KnowledgeSettings settings,
			TaskScheduler scheduler) {
		IntentDirectoryWatcher watcher = new IntentDirectoryWatcher(reloader);
		return settings.watch() ? watcher.start(scheduler, settings.pollInterval()) : watcher;
	}

}
