package org.p1iota.app.ops.metrics;

import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.p1iota.camel.p1.P1Consumer;
import org.p1iota.camel.p1.frame.RejectReason;

/**
 * The {@code p1:} consumers' own counters (kept by camel-p1 since it reads the meter) as Micrometer meters:
 * telegrams read, frames rejected by reason, whether the source is open. Read at scrape time from the
 * running routes, so a consumer restarted by Camel is counted as it is now.
 */
public final class P1Metrics implements MeterBinder {

    private final Supplier<CamelContext> context;

    public P1Metrics(Supplier<CamelContext> context) {
        this.context = context;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("p1iota.p1.telegrams.read", this, m -> m.sum(P1Consumer::getTelegrams))
                .description("DSMR telegrams read from the meter with a valid CRC and handed to the route")
                .register(registry);
        for (RejectReason reason : RejectReason.values()) {
            FunctionCounter.builder("p1iota.p1.telegrams.rejected", this,
                            m -> m.sum(c -> c.rejectsByReason().getOrDefault(reason, 0L)))
                    .description("frames from the meter rejected, by reason (CRC_MISMATCH, INCOMPLETE, OVERSIZE, ...)")
                    .tag("reason", reason.name())
                    .register(registry);
        }
        Gauge.builder("p1iota.p1.source.connected", this, m -> m.sum(c -> c.isConnected() ? 1 : 0))
                .description("1 while the meter's source (serial port, TCP connection, file) is open")
                .register(registry);
    }

    private double sum(ToLongFunction<P1Consumer> counter) {
        CamelContext camel = context.get();
        if (camel == null) {
            return 0;
        }
        long total = 0;
        for (Route route : camel.getRoutes()) {
            if (route.getConsumer() instanceof P1Consumer p1) {
                total += counter.applyAsLong(p1);
            }
        }
        return total;
    }
}
