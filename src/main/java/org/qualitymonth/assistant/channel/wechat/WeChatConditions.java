package org.qualitymonth.assistant.channel.wechat;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The WeChat channel runs when both a token and an app id are set. A plain
 * {@code @ConditionalOnProperty} would switch it on for the empty values the operator
 * file ships with.
 */
final class WeChatConditions {

	private WeChatConditions() {
	}

	static final class Configured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String token = context.getEnvironment().getProperty("bot.wechat.token", "");
			String appId = context.getEnvironment().getProperty("bot.wechat.app-id", "");
			return token.isBlank() || appId.isBlank()
					? ConditionOutcome.noMatch("bot.wechat.token and bot.wechat.app-id are not both set")
					: ConditionOutcome.match("a WeChat token and app id are set");
		}

	}

}
