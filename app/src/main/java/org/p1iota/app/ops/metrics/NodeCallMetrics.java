package org.p1iota.app.ops.metrics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.p1iota.iota.tangle.TangleCallListener;

/**
 * The role's calls to the IOTA node, by IRI command and outcome ({@code p1iota_node_call_seconds}), and the
 * proof of work done in this process ({@code p1iota_pow_seconds{where="local"}}). Bound in the role's registry,
 * where every {@code iota:} / {@code iota-mam:} endpoint's client finds it; the proof of work done by the node
 * shows as the {@code attachToTangle} calls.
 */
public final class NodeCallMetrics implements TangleCallListener, MeterBinder {

    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void nodeCall(String command, long nanos, Outcome outcome) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Timer.builder("p1iota.node.call")
                    .description("calls of the IOTA node's API by IRI command; outcome ok, refused (the node said no) or "
                            + "unreachable (each attempt counts)")
                    .tag("command", command).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void localProofOfWork(int transactions, int minWeightMagnitude, long nanos) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Timer.builder("p1iota.pow")
                    .description("proof of work of one bundle (all its transactions) done in this process")
                    .tag("where", "local")
                    .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
                            Duration.ofSeconds(60))
                    .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
