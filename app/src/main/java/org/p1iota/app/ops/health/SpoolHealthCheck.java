package org.p1iota.app.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.p1iota.app.spool.DurableSpool;

/**
 * The device's spool: how many telegrams wait and how long the oldest has waited. Waiting a few batches is
 * normal (a DATA message goes out every ten telegrams); DOWN once the oldest has waited longer than
 * {@code maxAge}, which means the node has been unreachable, or refusing, for that long.
 */
public final class SpoolHealthCheck extends ReadinessCheck {

    private final DurableSpool spool;
    private final Duration maxAge;
    private final Clock clock;

    public SpoolHealthCheck(DurableSpool spool, Duration maxAge, Clock clock) {
        super("spool");
        this.spool = spool;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        long depth = spool.pendingCount();
        long since = spool.oldestPendingSince();
        long age = since < 0 ? 0 : Math.max(0, clock.millis() - since);
        builder.detail("spoolDepth", depth).detail("oldestWaitingMillis", age).detail("maxAgeMillis", maxAge.toMillis());
        if (age > maxAge.toMillis()) {
            builder.down().message("the oldest of " + depth + " telegrams in the spool has waited " + seconds(age)
                    + " to be published (at most " + seconds(maxAge.toMillis()) + " wanted): the IOTA node is unreachable "
                    + "or refuses the messages; see the iota-node check and the log's \"not sent\" lines (nothing is lost "
                    + "while the spool has room)");
            return;
        }
        builder.up();
    }
}
