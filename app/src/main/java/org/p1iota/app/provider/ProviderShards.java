package org.p1iota.app.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider instances that share the work (docs/scaling.md): the followed households are split into
 * {@code provider.cluster.shards} shards by household id, and each shard is read by one route made from
 * the template {@value #TEMPLATE} of routes/provider.yaml, a {@code master:} route: of all the
 * instances, only the one that holds the shard's leadership in Camel's cluster service (ZooKeeper)
 * runs its consumer. When that instance stops or its ZooKeeper session expires, another one takes the
 * shard over and continues from the channel positions in the shared database. Without a cluster
 * service this bean does nothing and the route {@code provider-data-channels} reads every household.
 */
public final class ProviderShards implements AutoCloseable {

    public static final String TEMPLATE = "provider-data-shard";

    private static final Logger LOG = LoggerFactory.getLogger(ProviderShards.class);
    private static final long HAND_OVER_WAIT_NANOS = 10_000_000_000L;

    private final CamelClusterService clusterService;
    private final int shards;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "provider-shards");
        thread.setDaemon(true);
        return thread;
    });

    /** @param clusterService null when instances do not share the work */
    public ProviderShards(CamelClusterService clusterService, int shards) {
        if (clusterService != null && shards < 1) {
            throw new IllegalArgumentException("provider.cluster.shards must be at least 1, not " + shards);
        }
        this.clusterService = clusterService;
        this.shards = shards;
    }

    public boolean clustered() {
        return clusterService != null;
    }

    public static String routeId(int shard) {
        return TEMPLATE + "-" + shard;
    }

    /**
     * Called once on start (timer route provider-start-shards): adds the cluster service and the shard
     * routes once the context has started (a route added from a template while it starts is never started).
     */
    public void start(Exchange exchange) {
        if (clusterService == null) {
            return;
        }
        CamelContext context = exchange.getContext();
        starter.execute(() -> {
            try {
                while (!context.isStarted()) {
                    if (context.isStopping() || context.isStopped()) {
                        return;
                    }
                    Thread.sleep(20);
                }
                if (!context.hasService(clusterService)) {
                    context.addService(clusterService, true, true);
                }
                for (int shard = 0; shard < shards; shard++) {
                    if (context.getRoute(routeId(shard)) == null) {
                        TemplatedRouteBuilder.builder(context, TEMPLATE).routeId(routeId(shard))
                                .parameter("shard", String.valueOf(shard)).parameter("shards", String.valueOf(shards)).add();
                    }
                }
                LOG.info("Sharing the followed households in {} shards through cluster service {} as {}", shards,
                        clusterService.getClass().getSimpleName(), clusterService.getId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.error("Could not start the shard routes: this instance follows no household", e);
            }
        });
    }

    /**
     * Called every {@code provider.cluster.balance-interval} (timer route provider-balance-shards): an
     * instance that leads more than its share of the shards, {@code ceil(shards / instances)}, hands the
     * last of them over by leaving that shard's election and joining it again at the back, so the next
     * instance in line takes it. Whoever starts first leads every shard; without this the others would
     * stand by until it fails. One shard per call, so the cluster settles without shards moving back and forth.
     */
    public void balance(Exchange exchange) {
        if (clusterService == null || !exchange.getContext().isStarted()) {
            return;
        }
        CamelContext context = exchange.getContext();
        starter.execute(() -> {
            try {
                handOverOneIfMoreThanShare(context);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Could not balance the shards: {}", e.getMessage());
            }
        });
    }

    private void handOverOneIfMoreThanShare(CamelContext context) throws Exception {
        List<Integer> led = new ArrayList<>();
        int instances = 1;
        for (int shard = 0; shard < shards; shard++) {
            ServiceStatus status = context.getRouteController().getRouteStatus(routeId(shard));
            if (status == null || !status.isStarted()) {
                return; // still starting: its election is not joined yet
            }
            instances = Math.max(instances, standInElection(shard));
            if (clusterService.isLeader(namespace(shard))) {
                led.add(shard);
            }
        }
        int share = (shards + instances - 1) / instances;
        if (led.size() > share) {
            int shard = led.get(led.size() - 1);
            clusterService.stopView(namespace(shard));
            // queue again only once this leadership has ended: a new attempt asked for while the old one still
            // runs is dropped by Curator's LeaderSelector, and this instance would no longer stand in
            // for the shard (standInElection puts it back on the next check if that happens anyway)
            long deadline = System.nanoTime() + HAND_OVER_WAIT_NANOS;
            while (clusterService.isLeader(namespace(shard)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            clusterService.startView(namespace(shard));
            LOG.info("Handed shard {} over: this instance led {} of {} shards with {} instances (share {})", shard, led.size(),
                    shards, instances, share);
        }
    }

    /**
     * Makes sure this instance is a candidate in the shard's election, so it takes the shard over when its
     * leader fails, and answers how many instances are.
     */
    private int standInElection(int shard) throws Exception {
        CamelClusterView view = clusterService.getView(namespace(shard));
        try {
            List<CamelClusterMember> members = view.getMembers();
            String self = view.getLocalMember().getId();
            if (members.stream().noneMatch(member -> self.equals(member.getId()))) {
                LOG.warn("This instance was not a candidate for shard {}; joining its election again", shard);
                // starting a started view does nothing: stop it (it leads nothing here) so the start queues again
                clusterService.stopView(namespace(shard));
                clusterService.startView(namespace(shard));
            }
            return Math.max(1, members.size());
        } finally {
            clusterService.releaseView(view);
        }
    }

    /** The cluster namespace of a shard: the {@code master:} endpoint's in the template. */
    static String namespace(int shard) {
        return "provider-shard-" + shard;
    }

    @Override
    public void close() {
        starter.shutdownNow();
    }
}
