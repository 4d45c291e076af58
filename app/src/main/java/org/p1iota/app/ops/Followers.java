package org.p1iota.app.ops;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.p1iota.camel.iota.IotaMamConsumer;

/**
 * A role's channel followers (its {@code iota-mam:} consumers: the provider's households' data channels, the
 * device's view of My Home's event channel) and how far behind they are: a followed channel's lag is the time
 * since the follower last found no further message on it, so a follower that keeps up stays within one poll.
 */
public final class Followers {

    /** One follower route now: how many channels it follows and the one furthest behind. */
    public record Lag(String routeId, int channels, long maxLagMillis, String furthestBehind, int maxMessagesPerPoll,
                      long delayMillis) {
    }

    private final Supplier<CamelContext> context;

    public Followers(Supplier<CamelContext> context) {
        this.context = context;
    }

    /** The follower of {@code routeId}, when that route runs. */
    public Optional<Lag> lag(String routeId) {
        CamelContext camel = context.get();
        Route route = camel == null ? null : camel.getRoute(routeId);
        if (route == null || !(route.getConsumer() instanceof IotaMamConsumer follower)) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        long max = 0;
        String furthest = null;
        Map<String, Long> caughtUp = follower.getCaughtUpTimes();
        for (Map.Entry<String, Long> channel : caughtUp.entrySet()) {
            long lag = Math.max(0, now - channel.getValue());
            if (furthest == null || lag > max) {
                max = lag;
                furthest = channel.getKey();
            }
        }
        return Optional.of(new Lag(routeId, caughtUp.size(), max, furthest,
                follower.getEndpoint().getMaxMessagesPerPoll(), follower.getDelay()));
    }
}
