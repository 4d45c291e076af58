package org.p1iota.app.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's arithmetic: free tries, doubling waits up to the cap, forgetting, bounded memory. */
class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void pastTheFreeTriesEachWrongTokenDoublesTheWaitUpToTheCap() {
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("192.0.2.7");
            assertThat(throttle.waitFor("192.0.2.7")).isEmpty();
        }
        Duration previous = Duration.ZERO;
        for (int i = 0; i < 20; i++) {
            throttle.failed("192.0.2.7");
            Duration wait = throttle.waitFor("192.0.2.7").orElseThrow();
            assertThat(wait).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(LoginThrottle.MAX_DELAY);
            previous = wait;
            clock.advance(wait);
            assertThat(throttle.waitFor("192.0.2.7")).isEmpty();
        }
        assertThat(previous).isEqualTo(LoginThrottle.MAX_DELAY);
        assertThat(LoginThrottle.delayAfter(LoginThrottle.FREE_FAILURES + 1)).isEqualTo(Duration.ofSeconds(2));
        // another client is not affected at any point
        assertThat(throttle.waitFor("192.0.2.8")).isEmpty();
    }

    @Test
    void theRightTokenOrAQuietHourClearsTheRecord() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES + 3; i++) {
            throttle.failed("192.0.2.7");
            throttle.failed("192.0.2.9");
        }
        throttle.succeeded("192.0.2.7");
        assertThat(throttle.waitFor("192.0.2.7")).isEmpty();
        assertThat(throttle.waitFor("192.0.2.9")).isPresent();

        clock.advance(LoginThrottle.QUIET.plus(LoginThrottle.MAX_DELAY));
        assertThat(throttle.waitFor("192.0.2.9")).isEmpty();
        assertThat(throttle.remembered()).isZero();
    }

    @Test
    void manySourceAddressesCostBoundedMemory() {
        for (int i = 0; i < LoginThrottle.MAX_CLIENTS + 500; i++) {
            throttle.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThat(throttle.remembered()).isEqualTo(LoginThrottle.MAX_CLIENTS);
    }

    @Test
    void anIpv6ClientCountsPerSlash64() {
        assertThat(LoginThrottle.key("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.key("[2001:db8:1:2:bbbb::9]"));
        assertThat(LoginThrottle.key("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.key("2001:db8:1:2::1"));
        assertThat(LoginThrottle.key("127.0.0.2")).isNotEqualTo(LoginThrottle.key("127.0.0.1"));
    }
}
