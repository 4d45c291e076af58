package org.p1iota.app.node;

import java.time.Duration;

/**
 * What one attachToTangle may cost the node (properties {@code node.max-mwm},
 * {@code node.attach-timeout-seconds}, {@code node.max-concurrent-attaches},
 * {@code node.max-queued-attaches}). Each weight step triples the expected work, so an unbounded
 * {@code minWeightMagnitude} is an unbounded search: the cap, the time limit and the bounded queue
 * keep one caller from holding every core for good.
 *
 * @param maxMinWeightMagnitude largest {@code minWeightMagnitude} accepted; more is 400 (IOTA's mainnet used 14, devnet 9)
 * @param timeout               longest one call may search; then 400 and the search stops
 * @param maxConcurrent         calls searching at the same time (each search uses all of the engine's threads)
 * @param maxQueued             calls waiting for a free search, in arrival order; more is 503 at once
 */
public record AttachLimits(int maxMinWeightMagnitude, Duration timeout, int maxConcurrent, int maxQueued) {

    /** Mainnet's weight: the highest any IOTA network asked for. */
    public static final int DEFAULT_MAX_MWM = 14;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_QUEUED = 4;

    public AttachLimits {
        if (maxMinWeightMagnitude < 0 || maxMinWeightMagnitude > 243) {
            throw new IllegalArgumentException("node.max-mwm must be 0..243, not " + maxMinWeightMagnitude);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("node.attach-timeout-seconds must be at least 1, not " + timeout.toSeconds());
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("node.max-concurrent-attaches must be at least 1");
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("node.max-queued-attaches must be 0 or more");
        }
    }
}
