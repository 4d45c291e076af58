package org.p1iota.app.ops.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.p1iota.app.ops.Followers;

/**
 * The role's channel followers keep up: DOWN when a followed channel has not been read to its end for longer
 * than {@code maxLag} (the node does not answer, or messages arrive faster than the follower reads them).
 */
public final class FollowerLagHealthCheck extends ReadinessCheck {

    private final Followers followers;
    private final List<String> routeIds;
    private final Duration maxLag;
    private final String what;

    /** @param what what the followed channels are, for the message (e.g. "households' data channels") */
    public FollowerLagHealthCheck(Followers followers, List<String> routeIds, Duration maxLag, String what) {
        super("followers");
        this.followers = followers;
        this.routeIds = List.copyOf(routeIds);
        this.maxLag = maxLag;
        this.what = what;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        String down = null;
        for (String routeId : routeIds) {
            Optional<Followers.Lag> found = followers.lag(routeId);
            if (found.isEmpty()) {
                continue; // not started yet, or stopped on purpose: Camel's route check reports that
            }
            Followers.Lag lag = found.get();
            builder.detail(routeId + ".channels", lag.channels()).detail(routeId + ".maxLagMillis", lag.maxLagMillis());
            if (down == null && lag.maxLagMillis() > maxLag.toMillis()) {
                down = "the follower of " + what + " (route " + routeId + ") has not caught up with channel '"
                        + lag.furthestBehind() + "' for " + seconds(lag.maxLagMillis()) + " (of " + lag.channels()
                        + " followed; at most " + seconds(maxLag.toMillis()) + " wanted): if the iota-node check is DOWN, "
                        + "start the node; otherwise it reads more slowly than messages arrive (" + lag.maxMessagesPerPoll()
                        + " per channel every " + lag.delayMillis() + " ms): raise maxMessagesPerPoll or lower the poll delay";
            }
        }
        if (down != null) {
            builder.down().message(down);
            return;
        }
        builder.up();
    }
}
