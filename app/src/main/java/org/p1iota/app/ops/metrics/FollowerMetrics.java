package org.p1iota.app.ops.metrics;

import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.p1iota.app.ops.Followers;

/** The role's channel followers: channels followed and the lag of the one furthest behind, per route. */
public final class FollowerMetrics implements MeterBinder {

    private final Followers followers;
    private final List<String> routeIds;

    public FollowerMetrics(Followers followers, List<String> routeIds) {
        this.followers = followers;
        this.routeIds = List.copyOf(routeIds);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String routeId : routeIds) {
            Gauge.builder("p1iota.followed.channels", followers, f -> f.lag(routeId).map(Followers.Lag::channels).orElse(0))
                    .description("MAM channels the route's follower reads (households' data channels, My Home's events)")
                    .tag("route", routeId).register(registry);
            Gauge.builder("p1iota.follower.lag.seconds", followers,
                            f -> f.lag(routeId).map(l -> l.maxLagMillis() / 1000.0).orElse(0.0))
                    .description("time since the follower last read the channel furthest behind to its end")
                    .tag("route", routeId).register(registry);
        }
    }
}
