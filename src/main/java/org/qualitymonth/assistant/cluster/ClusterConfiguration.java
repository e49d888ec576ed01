package org.qualitymonth.assistant.cluster;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;

import org.qualitymonth.assistant.chat.ChatSettings;
import org.qualitymonth.assistant.chat.ContextStore;
import org.qualitymonth.assistant.chat.DeliveryClaims;
import org.qualitymonth.assistant.chat.FloodControl;
import org.qualitymonth.assistant.chat.RateBuckets;
import org.qualitymonth.assistant.chat.RateLimitSettings;
import org.qualitymonth.assistant.knowledge.KnowledgeEdits;
import org.qualitymonth.assistant.knowledge.KnowledgeReloader;
import org.qualitymonth.assistant.querylog.ScheduledJobs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Replicated mode ({@code bot.cluster.enabled=true}): the Redis and PostgreSQL adapters
 * of the ports that replicas share. Nothing here exists in the embedded default, so no
 * Redis connection is made and no health changes there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bot.cluster.enabled", havingValue = "true")
class ClusterConfiguration {

	ClusterConfiguration(Environment environment) {
		ClusterRequirements.check(environment);
	}

	@Bean(destroyMethod = "close")
	SharedRedis sharedRedis(Environment environment, ClusterSettings settings) {
		return new SharedRedis(environment.getRequiredProperty("spring.data.redis.url"), settings.redisTimeout(),
				settings.redisRetry());
	}

	@Bean
	ContextStore redisContextStore(SharedRedis redis, ClusterSettings settings, ChatSettings chat) {
		return new RedisContextStore(redis, settings.keyPrefix(), chat.sessionIdle(),
				ContextStore.inMemory(chat.sessionIdle(), chat.maxSessions()));
	}

	@Bean
	RateBuckets redisRateBuckets(SharedRedis redis, ClusterSettings settings, RateLimitSettings rate) {
		return new RedisRateBuckets(redis, settings.keyPrefix(), settings.redisTimeout(),
				FloodControl.local(rate, TimeMeter.SYSTEM_NANOTIME));
	}

	@Bean
	DeliveryClaims redisDeliveryClaims(SharedRedis redis, ClusterSettings settings) {
		return new RedisDeliveryClaims(redis, settings.keyPrefix());
	}

	@Bean
	RedisHealthIndicator redisHealthIndicator(SharedRedis redis) {
		return new RedisHealthIndicator(redis);
	}

	@Bean
	ClusterTables clusterTables(DataSource dataSource) {
		return new ClusterTables(dataSource);
	}

	@Bean
	KnowledgeEdits pgKnowledgeEdits(ClusterTables tables, KnowledgeReloader reloader) {
		return new PgKnowledgeEdits(tables, reloader);
	}

	@Bean
	KnowledgeVersionPoller knowledgeVersionPoller(ClusterTables tables, KnowledgeReloader reloader,
			ClusterSettings settings) {
		return new KnowledgeVersionPoller(tables, reloader, settings.knowledgePoll());
	}

	@Bean
	ScheduledJobs pgScheduledJobs(ClusterTables tables) {
		return new PgScheduledJobs(tables);
	}

}
