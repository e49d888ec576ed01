package org.qualitymonth.assistant.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.qualitymonth.assistant.chat.AnswerCache;
import org.qualitymonth.assistant.chat.AssistantState;
import org.qualitymonth.assistant.chat.ChatService;
import org.qualitymonth.assistant.chat.ChatSettings;
import org.qualitymonth.assistant.chat.ConversationSettings;
import org.qualitymonth.assistant.chat.Conversations;
import org.qualitymonth.assistant.chat.FloodControl;
import org.qualitymonth.assistant.chat.RateLimitSettings;
import org.qualitymonth.assistant.chat.Snapshot;
import org.qualitymonth.assistant.knowledge.IntentDirectoryWatcher;
import org.qualitymonth.assistant.knowledge.KnowledgeLoader;
import org.qualitymonth.assistant.knowledge.KnowledgeSettings;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.knowledge.NoticeGrounding;
import org.qualitymonth.assistant.nlu.DecisionPolicy;
import org.qualitymonth.assistant.nlu.IntentClassifier;
import org.qualitymonth.assistant.nlu.NluSettings;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java core (knowledge, nlu, chat) into Spring. */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

	/** Questions arriving while the first knowledge base trains wait this long before a 503. */
	private static final java.time.Duration STARTUP_WAIT = java.time.Duration.ofSeconds(30);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

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

	@Bean
	AnswerCache answerCache(ChatSettings chat, MeterRegistry meters) {
		AnswerCache cache = new AnswerCache(chat.cacheSize());
		CaffeineCacheMetrics.monitor(meters, cache.caffeine(), "answers");
		return cache;
	}

	@Bean
	AssistantState assistantState(AnswerCache cache) {
		return new AssistantState(cache, STARTUP_WAIT);
	}

	@Bean
	KnowledgeReloader knowledgeReloader(BotProperties bot, NoticeGrounding grounding, AssistantState state,
			NluSettings nlu, Clock clock) {
		KnowledgeLoader loader = new KnowledgeLoader(grounding, bot.minExamples(), clock);
		return new KnowledgeReloader(loader, bot.intentsDir(),
				kb -> state.install(new Snapshot(kb, IntentClassifier.train(kb, nlu))), clock);
	}

	/**
	 * Loads and trains the first knowledge base while Spring starts the rest of the application
	 * (two cores, two jobs); start-up fails when the intent files are invalid.
	 */
	@Bean
	InitialKnowledgeLoad initialKnowledgeLoad(KnowledgeReloader reloader) {
		return new InitialKnowledgeLoad(reloader);
	}

	@Bean
	FloodControl floodControl(RateLimitSettings settings) {
		return new FloodControl(settings);
	}

	@Bean
	Conversations conversations(ChatService chatService, FloodControl floodControl, ConversationSettings settings) {
		return new Conversations(chatService, floodControl, settings);
	}

	@Bean(destroyMethod = "close")
	IntentDirectoryWatcher intentDirectoryWatcher(KnowledgeReloader reloader, KnowledgeSettings settings) {
		IntentDirectoryWatcher watcher = new IntentDirectoryWatcher(reloader);
		return settings.watch() ? watcher.start(settings.pollInterval()) : watcher;
	}

	@Bean
	ChatService chatService(AssistantState state, AnswerCache cache, NluSettings nlu, ChatSettings chat,
			java.util.List<org.qualitymonth.assistant.chat.ConversationListener> listeners, MessageSource messages) {
		return new ChatService(state, cache, new DecisionPolicy(nlu), chat, listeners, messages);
	}

}
