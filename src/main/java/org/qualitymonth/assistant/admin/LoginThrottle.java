package org.qualitymonth.assistant.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed admin logins per client address, so that the password cannot be guessed
 * at speed: after {@code failures} misses an address has to wait, and then regains one
 * attempt at a time. Only failures count, so staff and scripts that log in correctly are
 * never slowed. An IPv6 client is counted by its /64 network, the block one subscriber
 * usually gets, so that it cannot start afresh by changing the last bits of its address.
 */
final class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private static final int MAX_TRACKED = 100_000;

	private final AdminSettings.LoginThrottle settings;

	private final TimeMeter clock;

	private final Cache<String, Bucket> failures;

	LoginThrottle(AdminSettings.LoginThrottle settings) {
		this(settings, TimeMeter.SYSTEM_NANOTIME);
	}

	LoginThrottle(AdminSettings.LoginThrottle settings, TimeMeter clock) {
		this.settings = settings;
		this.clock = clock;
		// an address that stopped failing has its full allowance back after one period:
		// forget it then
		this.failures = Caffeine.newBuilder()
			.expireAfterAccess(settings.period().plusSeconds(1))
			.maximumSize(MAX_TRACKED)
			.build();
	}

	/**
	 * Empty when the address may try to log in; otherwise how many seconds it has to
	 * wait.
	 */
	OptionalLong blockedFor(String address) {
		Bucket bucket = failures.getIfPresent(key(address));
		if (bucket == null) {
			return OptionalLong.empty();
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return nanos <= 0 ? OptionalLong.empty()
				: OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999)));
	}

	/** Records a failed login from the address. */
	void failed(String address) {
		Bucket bucket = failures.get(key(address), k -> newBucket());
		if (bucket.tryConsume(1) && bucket.getAvailableTokens() == 0) {
			// once per lockout; the address is the client's, not a secret
			log.warn("Admin login: {} failed attempts from {}; its further attempts are refused for a while",
					settings.failures(), key(address));
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(settings.failures())
				.refillGreedy(settings.failures(), settings.period())
				.build())
			.withCustomTimePrecision(clock)
			.build();
	}

	/** The address itself for IPv4, its /64 network for IPv6. */
	static String key(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		try {
			byte[] bytes = InetAddress
				.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1) : address)
				.getAddress();
			if (bytes.length != 16) {
				return address;
			}
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException | IndexOutOfBoundsException ex) {
			return address;
		}
	}

}
