package org.qualitymonth.assistant.channel.wechat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.kefu.WxMpKefuMessage;
import org.qualitymonth.assistant.channel.delivery.Lanes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends text through the customer-service message API ({@code /cgi-bin/message/custom/send}; WxJava gets
 * the access token from {@code /cgi-bin/stable_token}): for answers that missed the 5-second passive reply
 * and for the further parts of a long one. Each citizen's messages go out in order on their own lane.
 */
final class CustomerService {

	private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

	private final WxMpService wechat;

	private final Lanes lanes;

	private final OpenIds openIds;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	CustomerService(WxMpService wechat, Lanes lanes, OpenIds openIds) {
		this.wechat = wechat;
		this.lanes = lanes;
		this.openIds = openIds;
	}

	/** Queues {@code parts} for {@code openId}; the future completes when they are sent or given up. */
	CompletableFuture<Void> send(String openId, List<String> parts) {
		return lanes.submit(openId, () -> {
			for (String part : parts) {
				try {
					wechat.getKefuService().sendKefuMessage(WxMpKefuMessage.TEXT().toUser(openId).content(part).build());
					sent.incrementAndGet();
				}
				catch (WxErrorException | RuntimeException ex) {
					failed.incrementAndGet();
					log.error("WeChat: a customer-service message to {} could not be sent: {}", openIds.pseudonym(openId),
							describe(ex));
					return;
				}
			}
		});
	}

	long sent() {
		return sent.get();
	}

	long failed() {
		return failed.get();
	}

	/** The error code and type only: WxJava's messages can quote URLs that carry the access token. */
	static String describe(Exception ex) {
		if (ex instanceof WxErrorException wx && wx.getError() != null) {
			return "errcode " + wx.getError().getErrorCode();
		}
		return ex.getClass().getSimpleName();
	}

}
