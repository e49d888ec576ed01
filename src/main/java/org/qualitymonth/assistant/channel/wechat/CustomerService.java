package org.qualitymonth.assistant.channel.wechat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.qualitymonth.assistant.channel.delivery.Lanes;
import org.qualitymonth.assistant.channel.delivery.Pacing;
import org.qualitymonth.assistant.channel.delivery.Retrying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends text through the customer-service message API
 * ({@code /cgi-bin/message/custom/send}; WxJava gets the access token from
 * {@code /cgi-bin/stable_token}): for answers that missed the 5-second passive reply and
 * for the further parts of a long one. Each citizen's messages go out in order on their
 * own lane.
 */
final class CustomerService {

	private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

	/** The code WxJava gives a call that failed on the network. */
	private static final int IO_FAILURE = -99;

	private final WxMpService wechat;

	private final Lanes lanes;

	private final OpenIds openIds;

	private final Pacing pacing;

	private final Retrying retrying;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	CustomerService(WxMpService wechat, Lanes lanes, OpenIds openIds, WeChatSettings.Delivery delivery) {
		this.wechat = wechat;
		this.lanes = lanes;
		this.openIds = openIds;
		this.pacing = new Pacing(delivery.perSecond());
		this.retrying = new Retrying("wechat-customer-service", delivery.maxAttempts(), delivery.initialBackoff(),
				delivery.maxBackoff(), CustomerService::isTransient, CustomerService::waitHint);
	}

	/**
	 * Queues {@code parts} for {@code openId}; the future completes when they are sent or
	 * given up.
	 */
	CompletableFuture<Void> send(String openId, List<String> parts) {
		return lanes.submit(openId, () -> {
			for (String part : parts) {
				try {
					WxMpKefuMessage message = WxMpKefuMessage.TEXT().toUser(openId).content(part).build();
					retrying.run(() -> {
						pacing.awaitTurn();
						wechat.getKefuService().sendKefuMessage(message);
					});
					sent.incrementAndGet();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failed.incrementAndGet();
					return;
				}
				catch (Throwable ex) {
					failed.incrementAndGet();
					log.error("WeChat: a customer-service message to {} could not be sent: {}",
							openIds.pseudonym(openId), describe(ex));
					// later parts without the earlier ones would make no sense
					return;
				}
			}
		});
	}

	long retried() {
		return retrying.retries();
	}

	long sent() {
		return sent.get();
	}

	long failed() {
		return failed.get();
	}

	/**
	 * Worth another attempt: WeChat busy (-1; WxJava reports it as a runtime exception
	 * when it does not retry itself), the per-minute quota (45011), a network failure.
	 * Not: a citizen who has not written for 48 hours (45015), too many replies to one
	 * message (45047), a wrong secret.
	 */
	static boolean isTransient(Throwable ex) {
		if (ex instanceof WxErrorException wx && wx.getError() != null) {
			int code = wx.getError().getErrorCode();
			return code == -1 || code == 45011 || code == IO_FAILURE;
		}
		return ex instanceof WxRuntimeException;
	}

	/**
	 * WeChat's "api minute-quota reach limit, retry next minute" (45011) names its wait.
	 */
	static Optional<Duration> waitHint(Throwable ex) {
		if (ex instanceof WxErrorException wx && wx.getError() != null && wx.getError().getErrorCode() == 45011) {
			return Optional.of(Duration.ofSeconds(60));
		}
		return Optional.empty();
	}

	/**
	 * The error code and type only: WxJava's messages can quote URLs that carry the
	 * access token.
	 */
	static String describe(Throwable ex) {
		if (ex instanceof WxErrorException wx && wx.getError() != null) {
			return "errcode " + wx.getError().getErrorCode();
		}
		return ex.getClass().getSimpleName();
	}

}
