package org.qualitymonth.assistant.admin;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

	private final AtomicLong nanos = new AtomicLong();

	private final TimeMeter clock = new TimeMeter() {
		@Override
		public long currentTimeNanos() {
			return nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}
	};

	private final LoginThrottle throttle = new LoginThrottle(new AdminSettings.LoginThrottle(5, Duration.ofMinutes(10)),
			clock);

	@Test
	void refusesAnAddressAfterItsAllowanceOfFailuresUntilOneAttemptHasComeBack() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("203.0.113.7");
			assertThat(throttle.blockedFor("203.0.113.7")).as("after %d failures", i + 1).isEmpty();
		}
		throttle.failed("203.0.113.7");
		// one attempt comes back every 10 minutes / 5 = 120 s
		assertThat(throttle.blockedFor("203.0.113.7")).hasValue(120);
		assertThat(throttle.blockedFor("203.0.113.8")).as("another address").isEmpty();

		nanos.addAndGet(Duration.ofSeconds(119).toNanos());
		assertThat(throttle.blockedFor("203.0.113.7")).hasValue(1);
		nanos.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(throttle.blockedFor("203.0.113.7")).isEmpty();
		throttle.failed("203.0.113.7");
		assertThat(throttle.blockedFor("203.0.113.7")).as("the one attempt regained was used").hasValue(120);
	}

	@Test
	void countsAnIpv6ClientByItsSlash64Network() {
		for (int i = 1; i <= 5; i++) {
			throttle.failed("2001:db8:1:2::" + Integer.toHexString(i));
		}
		assertThat(throttle.blockedFor("2001:db8:1:2:ffff:0:0:99")).isPresent();
		assertThat(throttle.blockedFor("[2001:0db8:0001:0002::abcd]")).isPresent();
		assertThat(throttle.blockedFor("2001:db8:1:3::1")).as("the next /64").isEmpty();
		assertThat(LoginThrottle.key("2001:db8:1:2::5")).isEqualTo("2001:db8:1:2::/64");
		assertThat(LoginThrottle.key("198.51.100.1")).isEqualTo("198.51.100.1");
	}

}
