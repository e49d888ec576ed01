package org.qualitymonth.assistant.chat;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.qualitymonth.assistant.knowledge.BotProperties;
import org.qualitymonth.assistant.knowledge.KnowledgeLoader;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.nlu.DecisionPolicy;
import org.qualitymonth.assistant.nlu.TrainedModelCache;
import org.springframework.context.MessageSource;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the conversation core: the answer cache, the current snapshot (each loaded
 * knowledge base trained and installed), flood control and the conversation service the
 * channels call.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	/**
	 * Questions arriving while the first knowledge base trains wait this long before a
	 * 503.
	 */
	private static final java.time.Duration STARTUP_WAIT = java.time.Duration.ofSeconds(30);

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
	KnowledgeReloader knowledgeReloader(BotProperties bot, KnowledgeLoader loader, AssistantState state,
			TrainedModelCache models, Clock clock) {
		return new KnowledgeReloader(loader, bot.intentsDir(),
				kb -> state.install(new Snapshot(kb, models.classifierFor(kb))), clock);
	}

	@Bean
	FloodControl floodControl(RateLimitSettings settings, ObjectProvider<RateBuckets> shared) {
		// replicated mode (package cluster) keeps the buckets in Redis; otherwise they
		// live here
		RateBuckets buckets = shared.getIfAvailable(() -> FloodControl.local(settings, TimeMeter.SYSTEM_NANOTIME));
		return new FloodControl(settings, buckets);
	}

	@Bean
	Conversations conversations(ChatService chatService, FloodControl floodControl, ConversationSettings settings) {
		return new Conversations(chatService, floodControl, settings);
	}

	@Bean
	ChatService chatService(AssistantState state, AnswerCache cache, DecisionPolicy policy, ChatSettings chat,
			List<ConversationListener> listeners, MessageSource messages, ObjectProvider<ContextStore> shared) {
		// replicated mode (package cluster) keeps the previous turns in Redis; otherwise
		// they live here
		ContextStore memory = shared
			.getIfAvailable(() -> new ConversationMemory(chat.sessionIdle(), chat.maxSessions()));
		return new ChatService(state, cache, policy, chat, listeners, messages, ReadingFeatures.ALL, memory);
	}

}
