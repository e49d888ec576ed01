package org.qualitymonth.assistant.chat;

import java.time.Duration;

import org.springframework.modulith.NamedInterface;

/**
 * Port: whether a platform's delivery (Telegram's {@code update_id}, WeChat's
 * {@code MsgId}) is seen for the first time by any replica. A load balancer may hand a
 * platform's redelivery to another replica than the first; each channel still
 * de-duplicates in its own process first (and keeps the answer for a repetition it
 * handled itself), this decides between replicas. In the embedded default there is one
 * process, so every delivery it has not seen is the first ({@link #IN_THIS_PROCESS}); in
 * replicated mode a Redis {@code SET NX EX} decides (package cluster).
 */
@NamedInterface("ports")
public interface DeliveryClaims {

	/**
	 * One process: what the channel's own de-duplication has not seen is the first
	 * delivery.
	 */
	DeliveryClaims IN_THIS_PROCESS = (deliveryId, remembered) -> true;

	/**
	 * Claims {@code deliveryId} ({@code channel:...}, unique across channels and bots)
	 * for this replica.
	 * @return true when no replica claimed it within the last {@code remembered}
	 */
	boolean firstDelivery(String deliveryId, Duration remembered);

}
