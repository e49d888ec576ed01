package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides when the next message may go out: no sooner than the chat's own interval after its
 * previous message (about 1/s for a private chat, 20/min for a group), and spaced over all chats
 * to stay under Telegram's global 30 messages per second. Slots are reserved in call order.
 */
final class Pacer {

	private final long perChatNanos;

	private final long perGroupNanos;

	private final long globalSpacingNanos;

	private final LongSupplier nanoClock;

	/** The earliest time each chat may be sent to; entries in the past are swept now and then. */
	private final Map<Long, Long> chatFree = new HashMap<>();

	private long globalFree;

	private int reservationsSinceSweep;

	Pacer(TelegramSettings.Pacing pacing, LongSupplier nanoClock) {
		this(pacing.perChat(), pacing.perGroup(), pacing.globalPerSecond(), nanoClock);
	}

	Pacer(Duration perChat, Duration perGroup, int globalPerSecond, LongSupplier nanoClock) {
		this.perChatNanos = perChat.toNanos();
		this.perGroupNanos = perGroup.toNanos();
		this.globalSpacingNanos = Duration.ofSeconds(1).toNanos() / globalPerSecond;
		this.nanoClock = nanoClock;
		this.globalFree = nanoClock.getAsLong();
	}

	/** Reserves the next slot for a message to {@code chatId}; returns how many nanoseconds to wait for it. */
	synchronized long reserve(long chatId, boolean group) {
		long now = nanoClock.getAsLong();
		long slot = Math.max(now, Math.max(chatFree.getOrDefault(chatId, now), globalFree));
		globalFree = slot + globalSpacingNanos;
		chatFree.put(chatId, slot + (group ? perGroupNanos : perChatNanos));
		if (++reservationsSinceSweep >= 1024) {
			reservationsSinceSweep = 0;
			chatFree.values().removeIf(free -> free < now);
		}
		return slot - now;
	}

	/** Telegram asked to wait (429 retry_after) before sending to this chat again. */
	synchronized void holdChat(long chatId, Duration wait) {
		long until = nanoClock.getAsLong() + wait.toNanos();
		chatFree.merge(chatId, until, Math::max);
	}

}
