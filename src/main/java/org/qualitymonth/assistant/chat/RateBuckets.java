package org.qualitymonth.assistant.chat;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.modulith.NamedInterface;

/**
 * Port: where the flood-control buckets live. In this process by default; in Redis in
 * replicated mode (Bucket4j's Lettuce proxy manager, package cluster), so that a
 * citizen's budget is the same whichever replica answers.
 */
@NamedInterface("ports")
public interface RateBuckets {

	/**
	 * Takes one token from the bucket kept under {@code key}, created with
	 * {@code configuration} when there is none yet, and tells whether it was there and,
	 * if not, how long until it is.
	 */
	ConsumptionProbe take(String key, BucketConfiguration configuration);

}
