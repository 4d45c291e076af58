package org.p1iota.app.ops.health;

import java.time.Duration;
import java.util.Map;

import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.p1iota.camel.p1.P1Consumer;

/**
 * The meter: the {@code p1:} consumer's source is open and a telegram arrived recently (a DSMR 5 meter sends
 * one a second, DSMR 4 every ten). Before the first telegram the silence counts from the route's start.
 */
public final class P1SourceHealthCheck extends ReadinessCheck {

    private final Supplier<CamelContext> context;
    private final Duration silence;

    /** @param context the role's context (bound before Camel starts, so not injected by the registry) */
    public P1SourceHealthCheck(Supplier<CamelContext> context, Duration silence) {
        super("p1-source");
        this.context = context;
        this.silence = silence;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        CamelContext camel = context.get();
        if (camel == null) {
            builder.down().message("the role is starting");
            return;
        }
        for (Route route : camel.getRoutes()) {
            if (route.getConsumer() instanceof P1Consumer p1) {
                check(builder, route, p1);
                return;
            }
        }
        builder.down().message("no p1: route is running: check routes/device.yaml");
    }

    private void check(HealthCheckResultBuilder builder, Route route, P1Consumer p1) {
        String source = p1.getSourceDescription();
        builder.detail("source", source).detail("telegrams", p1.getTelegrams()).detail("rejected", p1.getRejects());
        if (!p1.isConnected()) {
            builder.down().message("the meter's source " + source + " is not open (" + p1.getLastError() + "): check the P1 "
                    + "cable, the device path, and that the service's user is in group dialout");
            return;
        }
        long last = p1.getLastTelegramMillis();
        long since = last > 0 ? System.currentTimeMillis() - last : route.getUptimeMillis();
        builder.detail("millisSinceLastTelegram", since);
        if (since > silence.toMillis()) {
            builder.down().message((last > 0 ? "no telegram from " : "no telegram yet from ") + source + " for "
                    + seconds(since) + " (" + p1.getRejects() + " frames rejected since start): check the P1 cable and that "
                    + "the meter's P1 port is enabled");
            return;
        }
        builder.up();
    }
}
