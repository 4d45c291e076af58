package org.p1iota.app.device;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket for pairing claims: each claim answered costs a CHALLENGE transaction (proof of work).
 * Only claims that opened with the device's pairing code reach it (pairing v2: {@code PairingInbox}),
 * so foreign claims cannot spend it; it bounds what even a holder of the code can make the device do.
 * {@code burst} claims are answered at once, then one per {@code 1/perHour} hour; the rest are dropped.
 */
public final class ClaimRateLimiter {

    private final int burst;
    private final Duration refill;
    private final Clock clock;
    private double tokens;
    private Instant last;

    public ClaimRateLimiter(int burst, int perHour, Clock clock) {
        this.burst = burst;
        this.refill = Duration.ofHours(1).dividedBy(perHour);
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.instant();
    }

    public synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        tokens = Math.min(burst, tokens + (double) Duration.between(last, now).toNanos() / refill.toNanos());
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
