package org.p1iota.app.ops;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.p1iota.app.device.DataChannelWorker;
import org.p1iota.app.ops.health.DataChannelHealthCheck;
import org.p1iota.app.ops.health.DiskSpaceHealthCheck;
import org.p1iota.app.ops.health.NodeHealthCheck;
import org.p1iota.app.ops.health.P1SourceHealthCheck;
import org.p1iota.app.ops.metrics.DeviceMetrics;
import org.p1iota.app.ops.metrics.P1Metrics;
import org.p1iota.app.role.RoleBeans;
import org.p1iota.app.role.RoleSettings;
import org.p1iota.app.spool.DurableSpool;

/**
 * What makes a role observable from outside: its health checks and its meters, bound next to the role's own
 * beans. camel-main's management server serves both ({@code camel.management.*}); the Prometheus registry is
 * bound as {@code metricsRegistry}, the name camel-micrometer-prometheus looks up, so Camel's route meters and
 * ours are scraped together. Which checks a role gets follows from its name and the beans it bound.
 */
public final class Operations {

    /** The bean name camel-micrometer (MicrometerConstants.METRICS_REGISTRY_NAME) uses for the registry. */
    public static final String METRICS_REGISTRY = "metricsRegistry";

    private Operations() {
    }

    public static void bind(String role, RoleSettings settings, RoleBeans beans, Supplier<CamelContext> context) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        beans.bind(METRICS_REGISTRY, registry);
        beans.bind("healthDataDisk", new DiskSpaceHealthCheck(settings.dataDirectory(),
                settings.getLong("p1iota.health.min-free-mb", 100) * 1024 * 1024));
        nodeUrlProperty(role).ifPresent(property -> beans.bind("healthIotaNode",
                new NodeHealthCheck(settings.get(property, "http://127.0.0.1:14265"), property)));
        if (role.equals("device")) {
            bindDevice(settings, beans, registry, context);
        }
    }

    private static void bindDevice(RoleSettings settings, RoleBeans beans, PrometheusMeterRegistry registry,
                                   Supplier<CamelContext> context) {
        beans.bind("healthP1Source", new P1SourceHealthCheck(context,
                Duration.ofSeconds(settings.getLong("p1iota.health.p1-silence-seconds", 60))));
        List<MeterBinder> binders = new java.util.ArrayList<>(List.of(new P1Metrics(context)));
        DurableSpool spool = beans.get("deviceSpool", DurableSpool.class);
        DataChannelWorker worker = beans.get("dataChannelWorker", DataChannelWorker.class);
        if (spool != null && worker != null) {
            beans.bind("healthDataChannel", new DataChannelHealthCheck(spool::pendingCount, worker::batchesPublished,
                    Duration.ofSeconds(settings.getLong("p1iota.health.publish-stall-seconds", 300)), Clock.systemUTC()));
            binders.add(new DeviceMetrics(spool, worker));
        }
        binders.forEach(binder -> binder.bindTo(registry));
    }

    private static java.util.Optional<String> nodeUrlProperty(String role) {
        return java.util.Optional.ofNullable(switch (role) {
            case "device" -> "device.node.url";
            case "myhome" -> "iota.node-url";
            case "provider" -> "provider.node-url";
            default -> null;
        });
    }
}
