package org.qualitymonth.assistant.chat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Port: where the flood-control buckets live. In this process by default; in Redis in replicated mode (Bucket4j's
 * Lettuce proxy manager, package cluster), so that a citizen's budget is the same whichever replica answers.
 */
public interface RateBuckets {

	/** The bucket kept under {@code key}, created with {@code configuration} when there is none yet. */
	Bucket bucket(String key, BucketConfiguration configuration);

}
