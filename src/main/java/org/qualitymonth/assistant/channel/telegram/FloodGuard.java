package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.qualitymonth.assistant.chat.FloodControl;

/**
 * Per-citizen flood control for Telegram, on the shared {@link FloodControl} budget
 * ({@code bot.rate-limit.*}) keyed by Telegram user. A citizen pasting a hundred messages gets the
 * first ones answered and one notice; the rest are dropped before they cost any classification or
 * any of the chat's send budget, so other citizens are not kept waiting.
 */
final class FloodGuard {

	enum Verdict {

		/** Within the budget: answer. */
		ALLOW,

		/** The first message over the budget: tell the citizen to slow down. */
		WARN,

		/** Further messages over the budget: ignore. */
		DROP

	}

	private final FloodControl control;

	/** Users already told to slow down during their current flood. */
	private final Cache<Long, Boolean> warned;

	FloodGuard(FloodControl control) {
		this.control = control;
		this.warned = Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(Duration.ofHours(1)).build();
	}

	Verdict check(long userId) {
		if (control.tryAcquire("telegram-user:" + userId).isEmpty()) {
			warned.invalidate(userId);
			return Verdict.ALLOW;
		}
		return warned.asMap().putIfAbsent(userId, Boolean.TRUE) == null ? Verdict.WARN : Verdict.DROP;
	}

}
