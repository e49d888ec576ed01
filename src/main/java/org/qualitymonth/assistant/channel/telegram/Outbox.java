package org.qualitymonth.assistant.channel.telegram;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.qualitymonth.assistant.channel.telegram.ReplyRenderer.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Everything the bot sends goes through here. Messages to one chat leave in order, one at a time,
 * paced by the {@link Pacer}; a 429 waits the {@code retry_after} Telegram asks for, other
 * transient failures are retried with exponential backoff, HTML that Telegram refuses is resent as
 * plain text, and whatever finally fails is logged — nothing is dropped silently. The returned
 * futures complete when the call succeeded or was given up, so an update counts as handled only
 * once its replies are out.
 */
final class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final TelegramClient client;

	private final Pacer pacer;

	private final TelegramSettings.Retry retry;

	private final ScheduledExecutorService executor;

	private final Privacy privacy;

	/** For the metrics (TelegramConfiguration): messages sent, given up, and attempts repeated by cause. */
	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong retriedRateLimited = new AtomicLong();

	private final AtomicLong retriedError = new AtomicLong();

	/** Chats with messages waiting; the head of each queue is being sent or waiting for its slot. */
	private final Map<Long, ArrayDeque<Delivery>> lanes = new HashMap<>();

	private boolean closed;

	Outbox(TelegramClient client, Pacer pacer, TelegramSettings.Retry retry, ScheduledExecutorService executor,
			Privacy privacy) {
		this.client = client;
		this.pacer = pacer;
		this.retry = retry;
		this.executor = executor;
		this.privacy = privacy;
	}

	/** Sends the messages in order; the first one replies to {@code replyTo} when given (groups). */
	CompletableFuture<Void> send(long chatId, boolean group, Integer replyTo, List<Outgoing> messages) {
		CompletableFuture<?>[] all = new CompletableFuture<?>[messages.size()];
		for (int i = 0; i < messages.size(); i++) {
			all[i] = enqueue(new Delivery(chatId, group, i == 0 ? replyTo : null, messages.get(i)));
		}
		return CompletableFuture.allOf(all);
	}

	/** Stops the button's spinner, with an optional short notice. Not paced: it is not a chat message. */
	CompletableFuture<Void> answerCallback(String callbackQueryId, String text) {
		Delivery call = new Delivery(AnswerCallbackQuery.builder()
			.callbackQueryId(callbackQueryId)
			.text(text)
			.build());
		if (!schedule(() -> attemptAlone(call), 0)) {
			call.done.completeExceptionally(new IllegalStateException("shutting down"));
		}
		return call.done;
	}

	/**
	 * Refuses new messages, waits up to {@code grace} for the queued ones, then stops. What is left
	 * is logged; in polling mode its updates were never acknowledged, so they are handled again
	 * after the restart.
	 */
	void close(Duration grace) {
		synchronized (this) {
			closed = true;
		}
		long deadline = System.nanoTime() + grace.toNanos();
		try {
			synchronized (this) {
				while (!lanes.isEmpty() && System.nanoTime() < deadline) {
					wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		executor.shutdownNow();
		synchronized (this) {
			int left = lanes.values().stream().mapToInt(ArrayDeque::size).sum();
			if (left > 0) {
				log.error("Telegram: {} message(s) to {} chat(s) were not sent before shutdown", left, lanes.size());
			}
			lanes.values().forEach(q -> q.forEach(d -> d.done.completeExceptionally(new IllegalStateException("shut down"))));
			lanes.clear();
		}
	}

	/** Chat messages Telegram accepted. */
	long sent() {
		return sent.get();
	}

	/** Chat messages given up after their last attempt (and logged). */
	long failed() {
		return failed.get();
	}

	/** Attempts repeated because Telegram asked to slow down (429). */
	long retriedRateLimited() {
		return retriedRateLimited.get();
	}

	/** Attempts repeated after a server or network error. */
	long retriedError() {
		return retriedError.get();
	}

	/** True once {@link #close} began: nothing more will be sent. */
	synchronized boolean closed() {
		return closed;
	}

	private CompletableFuture<Void> enqueue(Delivery delivery) {
		synchronized (this) {
			if (closed) {
				log.error("Telegram: shutting down, a reply to chat {} was not sent", privacy.pseudonym(delivery.chatId));
				delivery.done.completeExceptionally(new IllegalStateException("shutting down"));
				return delivery.done;
			}
			ArrayDeque<Delivery> lane = lanes.computeIfAbsent(delivery.lane, id -> new ArrayDeque<>());
			lane.add(delivery);
			if (lane.size() == 1) {
				scheduleHead(delivery);
			}
		}
		return delivery.done;
	}

	/** Called holding the lock, for the delivery at the head of its lane. */
	private void scheduleHead(Delivery head) {
		long wait = pacer.reserve(head.chatId, head.group);
		if (!schedule(() -> attemptHead(head), wait)) {
			finishHead(head, new IllegalStateException("shutting down"));
		}
	}

	private void attemptHead(Delivery head) {
		long late = pacer.admit();
		if (late > 0) {
			if (!schedule(() -> attemptHead(head), late)) {
				finishHead(head, new IllegalStateException("shutting down"));
			}
			return;
		}
		Outcome outcome = attempt(head);
		if (outcome.retryAfter() != null) {
			synchronized (this) {
				pacer.holdChat(head.chatId, outcome.retryAfter());
				scheduleHead(head);
			}
		}
		else {
			finishHead(head, outcome.failure());
		}
	}

	private void finishHead(Delivery head, Throwable failure) {
		if (failure == null) {
			head.done.complete(null);
		}
		else {
			head.done.completeExceptionally(failure);
		}
		synchronized (this) {
			ArrayDeque<Delivery> lane = lanes.get(head.lane);
			if (lane == null) {
				return;
			}
			lane.remove(head);
			if (lane.isEmpty()) {
				lanes.remove(head.lane);
				notifyAll();
			}
			else {
				scheduleHead(lane.peek());
			}
		}
	}

	private void attemptAlone(Delivery call) {
		Outcome outcome = attempt(call);
		if (outcome.retryAfter() != null) {
			if (!schedule(() -> attemptAlone(call), outcome.retryAfter().toNanos())) {
				call.done.completeExceptionally(new IllegalStateException("shutting down"));
			}
		}
		else if (outcome.failure() != null) {
			call.done.completeExceptionally(outcome.failure());
		}
		else {
			call.done.complete(null);
		}
	}

	private boolean schedule(Runnable task, long delayNanos) {
		try {
			executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/** One try. Never throws: the outcome says whether to retry, and after how long. */
	private Outcome attempt(Delivery delivery) {
		delivery.attempts++;
		try {
			client.execute(delivery.method());
			if (delivery.message != null) {
				sent.incrementAndGet();
			}
			if (delivery.attempts > 1) {
				log.info("Telegram {} to chat {} went through on attempt {}", delivery.what(), delivery.who(privacy),
						delivery.attempts);
			}
			return Outcome.SENT;
		}
		catch (TelegramApiRequestException ex) {
			return onRefusal(delivery, ex);
		}
		catch (TelegramApiValidationException ex) {
			return giveUp(delivery, ex, "the library refused to send it");
		}
		catch (TelegramApiException ex) {
			return retryOrGiveUp(delivery, ex, Backoff.delay(delivery.attempts, retry.initialBackoff(), retry.maxBackoff()),
					retriedError);
		}
		catch (RuntimeException ex) {
			return giveUp(delivery, ex, "unexpected error");
		}
	}

	private Outcome onRefusal(Delivery delivery, TelegramApiRequestException ex) {
		int code = ex.getErrorCode() == null ? 0 : ex.getErrorCode();
		String description = ex.getApiResponse() == null ? "" : ex.getApiResponse();
		ResponseParameters parameters = ex.getParameters();
		if (parameters != null && parameters.getMigrateToChatId() != null && delivery.migrate(parameters.getMigrateToChatId())) {
			log.info("Telegram: group {} became supergroup {}; sending there", privacy.pseudonym(delivery.lane),
					privacy.pseudonym(delivery.chatId));
			return Outcome.retry(Duration.ZERO);
		}
		if (code == 429) {
			Integer after = parameters == null ? null : parameters.getRetryAfter();
			Duration wait = after != null && after > 0 ? Duration.ofSeconds(after)
					: Backoff.delay(delivery.attempts, retry.initialBackoff(), retry.maxBackoff());
			if (wait.compareTo(retry.maxRetryAfter()) > 0) {
				return giveUp(delivery, ex, "Telegram asks to wait " + wait.toSeconds()
						+ "s, longer than bot.telegram.retry.max-retry-after");
			}
			return retryOrGiveUp(delivery, ex, wait, retriedRateLimited);
		}
		if (code == 400 && description.toLowerCase(java.util.Locale.ROOT).contains("can't parse entities")
				&& delivery.fallBackToPlainText()) {
			log.warn("Telegram refused the formatting of a message to chat {} ({}); sending it as plain text",
					delivery.who(privacy), privacy.redact(description));
			return Outcome.retry(Duration.ZERO);
		}
		if (code == 0 || code >= 500) {
			return retryOrGiveUp(delivery, ex, Backoff.delay(delivery.attempts, retry.initialBackoff(), retry.maxBackoff()),
					retriedError);
		}
		return giveUp(delivery, ex, "Telegram refused it");
	}

	private Outcome retryOrGiveUp(Delivery delivery, Exception ex, Duration wait, AtomicLong retries) {
		if (delivery.attempts >= retry.maxAttempts()) {
			return giveUp(delivery, ex, "no attempts left");
		}
		if (delivery.message != null) {
			retries.incrementAndGet();
		}
		log.warn("Telegram {} to chat {} failed (attempt {} of {}): {}; retrying in {} ms", delivery.what(),
				delivery.who(privacy), delivery.attempts, retry.maxAttempts(), privacy.describe(ex), wait.toMillis());
		return Outcome.retry(wait);
	}

	private Outcome giveUp(Delivery delivery, Exception ex, String why) {
		boolean blocked = ex instanceof TelegramApiRequestException refusal && Integer.valueOf(403).equals(refusal.getErrorCode());
		String format = "Telegram {} to chat {} NOT delivered after {} attempt(s) ({}): {}";
		Object[] args = { delivery.what(), delivery.who(privacy), delivery.attempts, why, privacy.describe(ex) };
		if (delivery.message != null) {
			failed.incrementAndGet();
		}
		if (blocked || delivery.lane == Delivery.NO_CHAT) {
			// a citizen who blocked the bot, or a button spinner that timed out, is not an operations problem
			log.warn(format, args);
		}
		else {
			log.error(format, args);
		}
		return Outcome.failed(new DeliveryFailedException(privacy.describe(ex)));
	}

	/** What to do after an attempt: done ({@code failure} null), retry after a wait, or given up. */
	private record Outcome(Duration retryAfter, Throwable failure) {

		static final Outcome SENT = new Outcome(null, null);

		static Outcome retry(Duration wait) {
			return new Outcome(wait, null);
		}

		static Outcome failed(Throwable failure) {
			return new Outcome(null, failure);
		}

	}

	/** A send that was given up; the details were logged already. */
	static final class DeliveryFailedException extends RuntimeException {

		DeliveryFailedException(String message) {
			super(message, null, false, false);
		}

	}

	/** One call to make, with its attempts so far. */
	private static final class Delivery {

		static final long NO_CHAT = Long.MIN_VALUE;

		/** The chat the lane is keyed by: the original chat id, even after a migration. */
		final long lane;

		final boolean group;

		final Integer replyTo;

		final Outgoing message;

		final BotApiMethod<? extends Serializable> call;

		final CompletableFuture<Void> done = new CompletableFuture<>();

		long chatId;

		boolean plain;

		boolean migrated;

		int attempts;

		Delivery(long chatId, boolean group, Integer replyTo, Outgoing message) {
			this.lane = chatId;
			this.chatId = chatId;
			this.group = group;
			this.replyTo = replyTo;
			this.message = message;
			this.call = null;
		}

		Delivery(BotApiMethod<? extends Serializable> call) {
			this.lane = NO_CHAT;
			this.chatId = NO_CHAT;
			this.group = false;
			this.replyTo = null;
			this.message = null;
			this.call = call;
		}

		BotApiMethod<? extends Serializable> method() {
			if (call != null) {
				return call;
			}
			SendMessage.SendMessageBuilder<?, ?> send = SendMessage.builder()
				.chatId(chatId)
				.text(plain ? message.plain() : message.html())
				.linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
				.replyMarkup(message.keyboard());
			if (!plain) {
				send.parseMode(ParseMode.HTML);
			}
			if (replyTo != null) {
				send.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
			}
			return send.build();
		}

		boolean fallBackToPlainText() {
			if (message == null || plain) {
				return false;
			}
			plain = true;
			return true;
		}

		boolean migrate(long newChatId) {
			if (message == null || migrated || newChatId == chatId) {
				return false;
			}
			migrated = true;
			chatId = newChatId;
			return true;
		}

		String what() {
			return call != null ? call.getMethod() : "sendMessage";
		}

		String who(Privacy privacy) {
			return lane == NO_CHAT ? "(button answer)" : privacy.pseudonym(chatId);
		}

	}

}
