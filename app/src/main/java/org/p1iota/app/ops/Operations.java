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
import org.p1iota.app.myhome.EventStore;
import org.p1iota.app.ops.health.DataChannelHealthCheck;
import org.p1iota.app.ops.health.EventChannelHealthCheck;
import org.p1iota.app.ops.health.FollowerLagHealthCheck;
import org.p1iota.app.ops.health.SpoolHealthCheck;
import org.p1iota.app.ops.metrics.FollowerMetrics;
import org.p1iota.app.ops.metrics.HttpStatusMetrics;
import org.p1iota.app.ops.metrics.NodeCallMetrics;
import org.p1iota.app.ops.metrics.TimedProofOfWork;
import org.p1iota.camel.iota.IotaNodeConfiguration;
import org.p1iota.iota.tangle.RetryPolicy;
import org.p1iota.iota.tangle.TangleClient;
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

    /**
     * Before the role opens anything in its data directory: one role per directory (a second device on the same
     * directory would publish at the same channel indexes), and no backup while it runs.
     */
    public static void lockDataDirectory(String role, RoleSettings settings, RoleBeans beans) throws java.io.IOException {
        beans.closeOnStop(org.p1iota.app.ops.backup.DataDirectoryLock.acquire(settings.dataDirectory(), role));
    }

    public static void bind(String role, RoleSettings settings, RoleBeans beans, Supplier<CamelContext> context) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        beans.bind(METRICS_REGISTRY, registry);
        // the management server's Vert.x: it answers a scrape and a probe now and then, so one event loop and a
        // few workers instead of two loops per core and twenty workers (threads and buffers a Pi pays for)
        beans.bind("managementVertxOptions", new io.vertx.core.VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setInternalBlockingPoolSize(2));
        beans.bind("healthDataDisk", new DiskSpaceHealthCheck(settings.dataDirectory(),
                settings.getLong("p1iota.health.min-free-mb", 100) * 1024 * 1024));
        nodeUrlProperty(role).ifPresent(property -> beans.bind("healthIotaNode",
                new NodeHealthCheck(settings.get(property, "http://127.0.0.1:14265"), property)));
        // every iota:/iota-mam: endpoint's node client finds this listener in the registry (TangleEndpointSupport)
        NodeCallMetrics nodeCalls = new NodeCallMetrics();
        nodeCalls.bindTo(registry);
        beans.bind("p1iotaNodeCallMetrics", nodeCalls);
        beans.bind("p1iotaHttpStatusMetrics", new HttpStatusMetrics(registry));
        List<MeterBinder> binders = new java.util.ArrayList<>();
        List<String> followerRoutes = switch (role) {
            case "device" -> List.of("device-household-events");
            case "provider" -> List.of("provider-data-channels");
            default -> List.of();
        };
        if (!followerRoutes.isEmpty()) {
            Followers followers = new Followers(context);
            beans.bind("healthFollowers", new FollowerLagHealthCheck(followers, followerRoutes,
                    Duration.ofSeconds(settings.getLong("p1iota.health.follower-lag-seconds", 600)),
                    role.equals("device") ? "My Home's event channel" : "the households' data channels"));
            binders.add(new FollowerMetrics(followers, followerRoutes));
        }
        if (role.equals("device")) {
            bindDevice(settings, beans, binders, context);
        }
        if (role.equals("myhome")) {
            bindMyHome(settings, beans);
        }
        TimedProofOfWork nodePow = beans.get(TimedProofOfWork.BEAN, TimedProofOfWork.class);
        if (nodePow != null) {
            binders.add(nodePow);
        }
        // Micrometer holds a function counter's object weakly: the beans keep the binders alive
        for (int i = 0; i < binders.size(); i++) {
            beans.bind("p1iotaMeterBinder" + i, binders.get(i));
            binders.get(i).bindTo(registry);
        }
    }

    private static void bindMyHome(RoleSettings settings, RoleBeans beans) {
        EventStore store = beans.get("myhomeEvents", EventStore.class);
        if (store != null) {
            IotaNodeConfiguration node = new IotaNodeConfiguration();
            node.setNodeUrl(settings.get("iota.node-url", "http://127.0.0.1:14265"));
            // one attempt: a health check answers within seconds, the iota-node check says why the node is away
            beans.bind("healthEventChannel", new EventChannelHealthCheck(store, new TangleClient(node, null,
                    new RetryPolicy(1, Duration.ofMillis(100), Duration.ofMillis(100)), Clock.systemUTC()), node.getNodeUrl()));
        }
    }

    private static void bindDevice(RoleSettings settings, RoleBeans beans, List<MeterBinder> binders,
                                   Supplier<CamelContext> context) {
        beans.bind("healthP1Source", new P1SourceHealthCheck(context,
                Duration.ofSeconds(settings.getLong("p1iota.health.p1-silence-seconds", 60))));
        binders.add(new P1Metrics(context));
        DurableSpool spool = beans.get("deviceSpool", DurableSpool.class);
        DataChannelWorker worker = beans.get("dataChannelWorker", DataChannelWorker.class);
        if (spool != null && worker != null) {
            beans.bind("healthDataChannel", new DataChannelHealthCheck(spool::pendingCount, worker::batchesPublished,
                    Duration.ofSeconds(settings.getLong("p1iota.health.publish-stall-seconds", 300)), Clock.systemUTC()));
            beans.bind("healthSpool", new SpoolHealthCheck(spool,
                    Duration.ofSeconds(settings.getLong("p1iota.health.spool-age-seconds", 600)), Clock.systemUTC()));
            binders.add(new DeviceMetrics(spool, worker));
        }
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
