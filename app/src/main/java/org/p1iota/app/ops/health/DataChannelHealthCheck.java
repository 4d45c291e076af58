package org.p1iota.app.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The device's spool drains into the data channel: telegrams waiting in the spool are fine while DATA
 * messages keep being confirmed; DOWN once telegrams wait and nothing was published for {@code stall}. The
 * time of the last confirmed message is seen by sampling the worker's counter at each call (and at start).
 */
public final class DataChannelHealthCheck extends ReadinessCheck {

    private final LongSupplier spoolDepth;
    private final LongSupplier messagesPublished;
    private final Duration stall;
    private final Clock clock;
    private long seenCount;
    private long seenChangedAt;

    public DataChannelHealthCheck(LongSupplier spoolDepth, LongSupplier messagesPublished, Duration stall, Clock clock) {
        super("data-channel");
        this.spoolDepth = spoolDepth;
        this.messagesPublished = messagesPublished;
        this.stall = stall;
        this.clock = clock;
        this.seenCount = messagesPublished.getAsLong();
        this.seenChangedAt = clock.millis();
    }

    @Override
    protected synchronized void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long now = clock.millis();
        long count = messagesPublished.getAsLong();
        if (count != seenCount) {
            seenCount = count;
            seenChangedAt = now;
        }
        long depth = spoolDepth.getAsLong();
        long quiet = now - seenChangedAt;
        builder.detail("spoolDepth", depth).detail("messagesPublished", count).detail("millisSinceLastPublished", quiet);
        if (depth > 0 && quiet > stall.toMillis()) {
            builder.down().message(depth + " telegrams wait in the spool and no DATA message was confirmed for "
                    + seconds(quiet) + ": see the iota-node check and the log's \"not sent\" lines (nothing is lost: "
                    + "the spool keeps them)");
            return;
        }
        builder.up();
    }
}
