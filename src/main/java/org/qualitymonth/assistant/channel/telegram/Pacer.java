package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Decides when the next message may go out: no sooner than the chat's own interval after its
 * previous message (about 1/s for a private chat, 20/min for a group), and at least 1/n s from any
 * other message to stay under Telegram's global 30 per second. A chat held back (a 429, a long
 * queue) reserves a late slot without delaying other chats: the earliest free slot is taken.
 */
final class Pacer {

	private final long perChatNanos;

	private final long perGroupNanos;

	private final long globalSpacingNanos;

	private final LongSupplier nanoClock;

	/** The earliest time each chat may be sent to; entries in the past are swept now and then. */
	private final Map<Long, Long> chatFree = new HashMap<>();

	/** When the sends of the last second actually started, a hard cap behind the planned spacing. */
	private final ArrayDeque<Long> started = new ArrayDeque<>();

	private final int globalPerSecond;

	/** Send times already handed out, for the global spacing. */
	private final TreeSet<Long> reserved = new TreeSet<>();

	private int reservationsSinceSweep;

	Pacer(TelegramSettings.Pacing pacing, LongSupplier nanoClock) {
		this(pacing.perChat(), pacing.perGroup(), pacing.globalPerSecond(), nanoClock);
	}

	Pacer(Duration perChat, Duration perGroup, int globalPerSecond, LongSupplier nanoClock) {
		this.perChatNanos = perChat.toNanos();
		this.perGroupNanos = perGroup.toNanos();
		this.globalSpacingNanos = Duration.ofSeconds(1).toNanos() / globalPerSecond;
		this.globalPerSecond = globalPerSecond;
		this.nanoClock = nanoClock;
	}

	/** Reserves the next slot for a message to {@code chatId}; returns how many nanoseconds to wait for it. */
	synchronized long reserve(long chatId, boolean group) {
		long now = nanoClock.getAsLong();
		long slot = freeSlotFrom(Math.max(now, chatFree.getOrDefault(chatId, now)));
		reserved.add(slot);
		chatFree.put(chatId, slot + (group ? perGroupNanos : perChatNanos));
		if (++reservationsSinceSweep >= 256) {
			reservationsSinceSweep = 0;
			chatFree.values().removeIf(free -> free < now);
			reserved.headSet(now - globalSpacingNanos).clear();
		}
		return slot - now;
	}

	/**
	 * Called just before a send starts: 0 when fewer than the global rate started in the last
	 * second (the send is counted), else how long to wait. Planned slots can bunch up when threads
	 * run late; this keeps any one-second window under the limit all the same.
	 */
	synchronized long admit() {
		long now = nanoClock.getAsLong();
		long second = Duration.ofSeconds(1).toNanos();
		while (!started.isEmpty() && started.peekFirst() <= now - second) {
			started.pollFirst();
		}
		if (started.size() < globalPerSecond) {
			started.addLast(now);
			return 0;
		}
		return started.peekFirst() + second - now;
	}

	/** The earliest time from {@code earliest} at least one spacing away from every slot handed out. */
	private long freeSlotFrom(long earliest) {
		long slot = earliest;
		while (true) {
			Long before = reserved.floor(slot);
			if (before != null && slot - before < globalSpacingNanos) {
				slot = before + globalSpacingNanos;
				continue;
			}
			Long after = reserved.ceiling(slot);
			if (after != null && after - slot < globalSpacingNanos) {
				slot = after + globalSpacingNanos;
				continue;
			}
			return slot;
		}
	}

	/** Telegram asked to wait (429 retry_after) before sending to this chat again. */
	synchronized void holdChat(long chatId, Duration wait) {
		long until = nanoClock.getAsLong() + wait.toNanos();
		chatFree.merge(chatId, until, Math::max);
	}

}
