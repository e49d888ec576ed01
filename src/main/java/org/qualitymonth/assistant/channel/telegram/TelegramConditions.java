package org.qualitymonth.assistant.channel.telegram;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * When the Telegram channel runs. A plain {@code @ConditionalOnProperty} would switch it
 * on for an empty {@code bot.telegram.token:} as well, which is how the operator file
 * ships.
 */
final class TelegramConditions {

	static final String TOKEN = "bot.telegram.token";

	static final String MODE = "bot.telegram.mode";

	private TelegramConditions() {
	}

	/** A token is set, in {@code bot.telegram.token} or {@code BOT_TELEGRAM_TOKEN}. */
	static final class TokenConfigured extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String token = context.getEnvironment().getProperty(TOKEN, "");
			return token.isBlank() ? ConditionOutcome.noMatch("no Telegram bot token (" + TOKEN + ") is set")
					: ConditionOutcome.match("a Telegram bot token is set");
		}

	}

	/** A token is set and {@code bot.telegram.mode=webhook}. */
	static final class WebhookMode extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome token = new TokenConfigured().getMatchOutcome(context, metadata);
			if (!token.isMatch()) {
				return token;
			}
			String mode = context.getEnvironment().getProperty(MODE, "polling").strip();
			return mode.equalsIgnoreCase(TelegramSettings.Mode.WEBHOOK.name())
					? ConditionOutcome.match("Telegram webhook mode")
					: ConditionOutcome.noMatch("Telegram mode is " + mode);
		}

	}

}
