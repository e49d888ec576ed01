package org.qualitymonth.assistant.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import org.qualitymonth.assistant.channel.delivery.Lanes;
import org.qualitymonth.assistant.channel.delivery.Pacing;
import org.qualitymonth.assistant.channel.delivery.Retrying;
import org.qualitymonth.assistant.channel.telegram.ReplyRenderer.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Everything the bot sends goes through here, on the channel-neutral delivery kit:
 * messages to one chat leave in order, one at a time ({@link Lanes}), paced per chat and
 * overall ({@link Pacing}), and retried ({@link Retrying}) after the {@code retry_after}
 * Telegram asks for on a 429, or with exponential backoff after other transient failures.
 * What stays here is Telegram's: reading its refusals, resending HTML it refuses as plain
 * text, following a group to its supergroup, and the log lines. Whatever finally fails is
 * logged — nothing is dropped silently. The returned futures complete when the call
 * succeeded or was given up, so an update counts as handled only once its replies are
 * out.
 */
final class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final TelegramClient client;

	private final TelegramSettings.Pacing pace;

	private final Pacing pacing;

	private final TelegramSettings.Retry retry;

	/**
	 * Retries of chat messages (counted in the metrics) and of button answers (not
	 * counted).
	 */
	private final Retrying messages;

	private final Retrying buttons;

	private final Lanes lanes;

	private final ScheduledExecutorService executor;

	private final Privacy privacy;

	/**
	 * For the metrics (TelegramConfiguration): messages sent, given up, and attempts
	 * repeated by cause.
	 */
	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong retriedRateLimited = new AtomicLong();

	private final AtomicLong retriedError = new AtomicLong();

	/**
	 * Calls not finished yet, so that shutting down can wait for them and then give up
	 * the rest.
	 */
	private final Set<Delivery> pending = ConcurrentHashMap.newKeySet();

	private boolean closed;

	Outbox(TelegramClient client, TelegramSettings.Pacing pace, TelegramSettings.Retry retry,
			ScheduledExecutorService executor, Privacy privacy) {
		this(client, pace, retry, executor, privacy, Pacing.evenly(pace.globalPerSecond()));
	}

	/**
	 * With the overall rate paced by {@code pacing} (shared by the replicas in replicated
	 * mode).
	 */
	Outbox(TelegramClient client, TelegramSettings.Pacing pace, TelegramSettings.Retry retry,
			ScheduledExecutorService executor, Privacy privacy, Pacing pacing) {
		this.client = client;
		this.pace = pace;
		this.pacing = pacing;
		this.retry = retry;
		this.executor = executor;
		this.privacy = privacy;
		this.lanes = new Lanes(executor);
		this.messages = retrying("telegram-messages");
		this.buttons = retrying("telegram-buttons");
		messages.onRetry(failure -> {
			if (failure instanceof Transient again && again.cause != Transient.Cause.FIXED) {
				(again.cause == Transient.Cause.RATE_LIMITED ? retriedRateLimited : retriedError).incrementAndGet();
			}
		});
	}

	private Retrying retrying(String name) {
		return new Retrying(name, retry.maxAttempts(), retry.initialBackoff(), retry.maxBackoff(),
				Transient.class::isInstance,
				failure -> failure instanceof Transient again ? Optional.of(again.wait) : Optional.empty());
	}

	/**
	 * Sends the messages in order; the first one replies to {@code replyTo} when given
	 * (groups).
	 */
	CompletableFuture<Void> send(long chatId, boolean group, Integer replyTo, List<Outgoing> messages) {
		CompletableFuture<?>[] all = new CompletableFuture<?>[messages.size()];
		for (int i = 0; i < messages.size(); i++) {
			all[i] = enqueue(new Delivery(chatId, group, i == 0 ? replyTo : null, messages.get(i)));
		}
		return CompletableFuture.allOf(all);
	}

	/**
	 * Stops the button's spinner, with an optional short notice. Not paced: it is not a
	 * chat message.
	 */
	CompletableFuture<Void> answerCallback(String callbackQueryId, String text) {
		Delivery call = new Delivery(AnswerCallbackQuery.builder().callbackQueryId(callbackQueryId).text(text).build());
		return track(call, buttons.runAsync(executor, () -> CompletableFuture.runAsync(() -> attempt(call), executor)));
	}

	/**
	 * Refuses new messages, waits up to {@code grace} for the queued ones, then stops.
	 * What is left is logged; in polling mode its updates were never acknowledged, so
	 * they are handled again after the restart.
	 */
	void close(Duration grace) {
		long deadline = System.nanoTime() + grace.toNanos();
		try {
			synchronized (this) {
				closed = true;
				while (!pending.isEmpty() && System.nanoTime() < deadline) {
					wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		executor.shutdownNow();
		List<Delivery> left = List.copyOf(pending);
		long unsent = left.stream().filter(d -> d.message != null).count();
		if (unsent > 0) {
			log.error("Telegram: {} message(s) to {} chat(s) were not sent before shutdown", unsent,
					left.stream().filter(d -> d.message != null).map(d -> d.lane).distinct().count());
		}
		left.forEach(d -> d.done.completeExceptionally(new IllegalStateException("shut down")));
		pending.clear();
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
				log.error("Telegram: shutting down, a reply to chat {} was not sent",
						privacy.pseudonym(delivery.chatId));
				delivery.done.completeExceptionally(new IllegalStateException("shutting down"));
				return delivery.done;
			}
			pending.add(delivery);
		}
		// each attempt, retries included, waits for the chat's turn and the overall rate
		// again
		return track(delivery, lanes.chain(Long.toString(delivery.lane), () -> messages.runAsync(executor,
				() -> pacing
					.turn(Long.toString(delivery.chatId), delivery.group ? pace.perGroup() : pace.perChat(), executor)
					.thenRunAsync(() -> attempt(delivery), executor))));
	}

	private CompletableFuture<Void> track(Delivery delivery, CompletableFuture<Void> work) {
		pending.add(delivery);
		work.whenComplete((ignored, failure) -> {
			if (failure == null) {
				delivery.done.complete(null);
			}
			else {
				delivery.done.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
						? failure.getCause() : failure);
			}
			synchronized (this) {
				pending.remove(delivery);
				notifyAll();
			}
		});
		return delivery.done;
	}

	/**
	 * One try. Returns when Telegram took the call; throws {@link Transient} when it is
	 * worth another try and {@link DeliveryFailedException} when it was given up (and
	 * logged).
	 */
	private void attempt(Delivery delivery) {
		delivery.attempts++;
		try {
			client.execute(delivery.method());
		}
		catch (TelegramApiRequestException ex) {
			throw onRefusal(delivery, ex);
		}
		catch (TelegramApiValidationException ex) {
			throw giveUp(delivery, ex, "the library refused to send it");
		}
		catch (TelegramApiException ex) {
			throw retryOrGiveUp(delivery, ex, backoff(delivery), Transient.Cause.ERROR);
		}
		catch (RuntimeException ex) {
			throw giveUp(delivery, ex, "unexpected error");
		}
		if (delivery.message != null) {
			sent.incrementAndGet();
		}
		if (delivery.attempts > 1) {
			log.info("Telegram {} to chat {} went through on attempt {}", delivery.what(), delivery.who(privacy),
					delivery.attempts);
		}
	}

	private RuntimeException onRefusal(Delivery delivery, TelegramApiRequestException ex) {
		Refusal refusal = Refusal.of(ex);
		if (refusal.migrateToChatId() != null && delivery.migrate(refusal.migrateToChatId())) {
			log.info("Telegram: group {} became supergroup {}; sending there", privacy.pseudonym(delivery.lane),
					privacy.pseudonym(delivery.chatId));
			return new Transient(Duration.ZERO, Transient.Cause.FIXED, ex);
		}
		if (refusal.rateLimited()) {
			Duration wait = refusal.retryAfter().orElseGet(() -> backoff(delivery));
			if (wait.compareTo(retry.maxRetryAfter()) > 0) {
				return giveUp(delivery, ex, "Telegram asks to wait " + wait.toSeconds()
						+ "s, longer than bot.telegram.retry.max-retry-after");
			}
			return retryOrGiveUp(delivery, ex, wait, Transient.Cause.RATE_LIMITED);
		}
		if (refusal.badFormatting() && delivery.fallBackToPlainText()) {
			log.warn("Telegram refused the formatting of a message to chat {} ({}); sending it as plain text",
					delivery.who(privacy), privacy.redact(refusal.description()));
			return new Transient(Duration.ZERO, Transient.Cause.FIXED, ex);
		}
		if (refusal.transientError()) {
			return retryOrGiveUp(delivery, ex, backoff(delivery), Transient.Cause.ERROR);
		}
		return giveUp(delivery, ex, "Telegram refused it");
	}

	private Duration backoff(Delivery delivery) {
		return Retrying.backoff(delivery.attempts, retry.initialBackoff(), retry.maxBackoff());
	}

	private RuntimeException retryOrGiveUp(Delivery delivery, Exception ex, Duration wait, Transient.Cause cause) {
		if (delivery.attempts >= retry.maxAttempts()) {
			return giveUp(delivery, ex, "no attempts left");
		}
		log.warn("Telegram {} to chat {} failed (attempt {} of {}): {}; retrying in {} ms", delivery.what(),
				delivery.who(privacy), delivery.attempts, retry.maxAttempts(), privacy.describe(ex), wait.toMillis());
		return new Transient(wait, cause, ex);
	}

	private RuntimeException giveUp(Delivery delivery, Exception ex, String why) {
		boolean blocked = ex instanceof TelegramApiRequestException refused && Refusal.of(refused).blocked();
		String format = "Telegram {} to chat {} NOT delivered after {} attempt(s) ({}): {}";
		Object[] args = { delivery.what(), delivery.who(privacy), delivery.attempts, why, privacy.describe(ex) };
		if (delivery.message != null) {
			failed.incrementAndGet();
		}
		if (blocked || delivery.lane == Delivery.NO_CHAT) {
			// a citizen who blocked the bot, or a button spinner that timed out, is not
			// an operations problem
			log.warn(format, args);
		}
		else {
			log.error(format, args);
		}
		return new DeliveryFailedException(privacy.describe(ex));
	}

	/** An attempt worth repeating after {@code wait}; the cause was logged already. */
	private static final class Transient extends RuntimeException {

		enum Cause {

			/** Telegram asked to slow down (429). */
			RATE_LIMITED,

			/** A server or network error. */
			ERROR,

			/**
			 * The call was corrected (plain text, the new supergroup) and goes again at
			 * once.
			 */
			FIXED

		}

		final Duration wait;

		final Cause cause;

		Transient(Duration wait, Cause cause, Exception failure) {
			super(failure.getClass().getSimpleName(), null, false, false);
			this.wait = wait;
			this.cause = cause;
		}

	}

	/** A send that was given up; the details were logged already. */
	static final class DeliveryFailedException extends RuntimeException {

		DeliveryFailedException(String message) {
			super(message, null, false, false);
		}

	}

}
