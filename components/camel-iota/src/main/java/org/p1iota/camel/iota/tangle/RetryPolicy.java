package org.p1iota.iota.tangle;

import java.time.Duration;

/**
 * How often and how patiently a call to an unreachable node is repeated: exponential backoff from
 * {@code initialDelay}, doubling up to {@code maxDelay}, {@code attempts} tries in all.
 */
public record RetryPolicy(int attempts, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** Delay before retry number {@code retry} (1 for the first retry). */
    public Duration delayBefore(int retry) {
        long millis = initialDelay.toMillis();
        for (int i = 1; i < retry && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
