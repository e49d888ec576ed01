package org.qualitymonth.assistant.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicas' Redis, and what a replica does while it is away: every command has a
 * fallback (this replica's own state), and after a failure Redis is left alone for
 * {@code bot.cluster.redis-retry}, so that an outage costs one timeout per retry period
 * rather than one per question. Connects lazily: a replica starts, and answers, while
 * Redis is down. The outage and the recovery are logged once each.
 */
final class SharedRedis implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private final RedisClient client;

	private final Duration retry;

	private final String redacted;

	private final AtomicBoolean away = new AtomicBoolean();

	private volatile long retryAt;

	private StatefulRedisConnection<String, String> text;

	private StatefulRedisConnection<String, byte[]> bytes;

	SharedRedis(String url, Duration timeout, Duration retry) {
		RedisURI uri = RedisURI.create(url);
		uri.setTimeout(timeout);
		this.client = RedisClient.create(uri);
		// while disconnected, fail at once instead of queueing commands until the timeout
		this.client.setOptions(ClientOptions.builder()
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.timeoutOptions(TimeoutOptions.enabled(timeout))
			// a host that does not answer at all would otherwise hold a question for the
			// 10 s default; a cold first
			// connection (event loops, handshake) needs more than a command's timeout on
			// a busy machine
			.socketOptions(SocketOptions.builder()
				.connectTimeout(CONNECT_TIMEOUT.compareTo(timeout) > 0 ? CONNECT_TIMEOUT : timeout)
				.build())
			.build());
		this.retry = retry;
		this.redacted = uri.getHost() + ":" + uri.getPort();
	}

	/** Runs {@code command} on Redis, or {@code fallback} while Redis is away. */
	<T> T text(Function<RedisCommands<String, String>, T> command, Supplier<T> fallback) {
		return attempt(() -> command.apply(textConnection().sync()), fallback);
	}

	/**
	 * Like {@link #text}, with a connection whose values are bytes (Bucket4j's state).
	 */
	<T> T bytes(Function<StatefulRedisConnection<String, byte[]>, T> command, Supplier<T> fallback) {
		return attempt(() -> command.apply(bytesConnection()), fallback);
	}

	/** True when Redis answered a PING just now; false while it is away. */
	boolean reachable() {
		return text(redis -> "PONG".equals(redis.ping()), () -> false);
	}

	boolean away() {
		return away.get();
	}

	private <T> T attempt(Supplier<T> command, Supplier<T> fallback) {
		if (away.get() && System.nanoTime() - retryAt < 0) {
			return fallback.get();
		}
		try {
			T result = command.get();
			if (away.compareAndSet(true, false)) {
				log.warn("Redis at {} is back: conversation context, rate budgets and de-duplication are shared again",
						redacted);
			}
			return result;
		}
		catch (RuntimeException ex) {
			retryAt = System.nanoTime() + retry.toNanos();
			if (away.compareAndSet(false, true)) {
				log.warn("Redis at {} is unavailable ({}): this replica answers from its own state (follow-ups asked on"
						+ " other replicas are not understood, rate budgets and de-duplication are per replica) and tries"
						+ " again every {}", redacted, ex.toString(), retry);
			}
			return fallback.get();
		}
	}

	private synchronized StatefulRedisConnection<String, String> textConnection() {
		if (text == null) {
			text = client.connect(StringCodec.UTF8);
		}
		return text;
	}

	private synchronized StatefulRedisConnection<String, byte[]> bytesConnection() {
		if (bytes == null) {
			bytes = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		}
		return bytes;
	}

	@Override
	public synchronized void close() {
		if (text != null) {
			text.close();
		}
		if (bytes != null) {
			bytes.close();
		}
		client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
