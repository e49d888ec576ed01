package org.qualitymonth.assistant.channel.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.qualitymonth.assistant.channel.delivery.RepeatedDeliveries;

/**
 * WeChat's 5-second rule and its retries. Each message (by MsgId, or sender and time for
 * events) is answered once: the first delivery starts the answer and waits for it up to
 * {@code replyWithin}. Ready in time, its first part is the passive reply (and so is
 * every retry's, in case WeChat lost it); the further parts of a long answer go through
 * the customer-service API. Not ready in time, the callback replies {@code success} and
 * the whole answer goes through the customer-service API when it is ready; retries then
 * get {@code success} too, so the citizen never gets it twice.
 */
final class PassiveReplies {

	/**
	 * One message's answer, and whether the customer-service API has taken over (parts
	 * of) it.
	 */
	private static final class Answer {

		final CompletableFuture<List<String>> parts;

		final AtomicBoolean handedOver = new AtomicBoolean();

		final AtomicBoolean restSent = new AtomicBoolean();

		Answer(CompletableFuture<List<String>> parts) {
			this.parts = parts;
		}

	}

	private final RepeatedDeliveries<Answer> deliveries;

	private final org.qualitymonth.assistant.chat.DeliveryClaims claims;

	private final Duration remembered;

	private final Executor answering;

	private final CustomerService customerService;

	private final Duration replyWithin;

	PassiveReplies(Executor answering, CustomerService customerService, Duration replyWithin, Duration remembered,
			long maxRemembered) {
		this(answering, customerService, replyWithin, remembered, maxRemembered,
				org.qualitymonth.assistant.chat.DeliveryClaims.IN_THIS_PROCESS);
	}

	/**
	 * With {@code claims} deciding between replicas which of them answers a message
	 * WeChat delivered to several.
	 */
	PassiveReplies(Executor answering, CustomerService customerService, Duration replyWithin, Duration remembered,
			long maxRemembered, org.qualitymonth.assistant.chat.DeliveryClaims claims) {
		this.claims = claims;
		this.remembered = remembered;
		this.deliveries = new RepeatedDeliveries<>(remembered, maxRemembered);
		this.answering = answering;
		this.customerService = customerService;
		this.replyWithin = replyWithin;
	}

	/**
	 * The passive reply text for this delivery of message {@code deliveryId}, or empty
	 * for {@code success}. {@code work} runs once per message, however often WeChat
	 * delivers it.
	 */
	Optional<String> reply(String deliveryId, String openId, Supplier<List<String>> work) {
		Answer answer = deliveries.claim(deliveryId, () -> CompletableFuture.completedFuture(new Answer(
				// another replica has the message: it answers; here the delivery gets
				// "success"
				claims.firstDelivery("wechat:" + deliveryId, remembered) ? supply(work)
						: CompletableFuture.completedFuture(List.of()))))
			.result()
			.join();
		List<String> parts;
		try {
			parts = answer.parts.get(replyWithin.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException late) {
			if (answer.handedOver.compareAndSet(false, true)) {
				answer.parts.thenAccept(all -> customerService.send(openId, all));
			}
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
		catch (ExecutionException ex) {
			return Optional.empty();
		}
		if (answer.handedOver.get() || parts.isEmpty()) {
			return Optional.empty();
		}
		if (parts.size() > 1 && answer.restSent.compareAndSet(false, true)) {
			// after a short pause, so that the passive reply is on the phone first
			CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS)
				.execute(() -> customerService.send(openId, parts.subList(1, parts.size())));
		}
		return Optional.of(parts.get(0));
	}

	private CompletableFuture<List<String>> supply(Supplier<List<String>> work) {
		try {
			return CompletableFuture.supplyAsync(work, answering);
		}
		catch (RejectedExecutionException busy) {
			return CompletableFuture.failedFuture(busy);
		}
	}

}
