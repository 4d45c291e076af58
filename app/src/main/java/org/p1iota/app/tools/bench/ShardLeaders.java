package org.p1iota.app.tools.bench;

import java.util.Map;
import java.util.TreeMap;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListenerAdapter;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * Which provider instance leads which shard, read from ZooKeeper as an onlooker: camel-zookeeper's
 * cluster view elects each namespace's leader with Curator's {@link LeaderSelector} on
 * {@code <base path>/<namespace>}, the shard routes use the namespace {@code provider-shard-<n>}
 * (routes/provider.yaml), and a selector that is never started reads the participants without taking
 * part in the election. A participant's id is the instance's {@code provider.cluster.instance-id}.
 */
public final class ShardLeaders implements AutoCloseable {

    static {
        // the onlooker's ZooKeeper client would log its connection at INFO into the benchmark's report
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.zookeeper", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.curator", "warn");
    }

    private final CuratorFramework client;
    private final String basePath;
    private final int shards;

    public ShardLeaders(String zookeeper, String basePath, int shards) {
        this.client = CuratorFrameworkFactory.newClient(zookeeper, new ExponentialBackoffRetry(200, 5));
        this.basePath = basePath;
        this.shards = shards;
        client.start();
    }

    /** Shard → the id of the instance leading it; shards without a leader (yet) are left out. */
    public Map<Integer, String> leaders() throws Exception {
        Map<Integer, String> leaders = new TreeMap<>();
        for (int shard = 0; shard < shards; shard++) {
            LeaderSelector onlooker = new LeaderSelector(client, basePath + "/provider-shard-" + shard, new LeaderSelectorListenerAdapter() {
                @Override
                public void takeLeadership(CuratorFramework ignored) {
                    // never started: never called
                }
            });
            try {
                Participant leader = onlooker.getLeader();
                if (leader.isLeader() && !leader.getId().isEmpty()) {
                    leaders.put(shard, leader.getId());
                }
            } catch (org.apache.zookeeper.KeeperException.NoNodeException notYet) {
                // nobody has joined this shard's election yet
            }
        }
        return leaders;
    }

    /**
     * The shard a household is read in: camel-iota's iota-mam consumer splits the subscriptions by id
     * this way (IotaMamEndpoint), and the provider's subscription id is the household id.
     */
    static int shardOf(String household, int shards) {
        return Math.floorMod(household.hashCode(), shards);
    }

    @Override
    public void close() {
        client.close();
    }
}
