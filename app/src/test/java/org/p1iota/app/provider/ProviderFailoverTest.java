package org.p1iota.app.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.TestPostgres;
import org.p1iota.app.testing.TestZooKeeper;
import org.p1iota.app.tools.bench.ProviderInstance;
import org.p1iota.app.tools.bench.ShardLeaders;
import org.p1iota.app.tools.bench.SimulatedHouseholds;
import org.p1iota.iota.pow.ProofOfWorkEngines;

/**
 * Two provider instances, separate JVMs, on one PostgreSQL and one ZooKeeper (.ci/services), share the
 * households' shards through Camel's cluster service: instance A starts alone and leads every shard,
 * B joins and A hands B half of the shards (ProviderShards.balance); B gets SIGKILL while the devices
 * keep publishing; A, which had handed those shards over and stood in their elections since, takes them
 * back when B's ZooKeeper session expires and continues each channel from its position in the database.
 * Every telegram the simulated devices published is stored exactly once, and both instances served the API.
 */
class ProviderFailoverTest {

    private static final int MWM = 1;
    private static final int HOUSEHOLDS = 6;
    private static final int SHARDS = 4;
    private static final int MESSAGES = 6;
    private static final int PER_MESSAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void aKilledInstancesHouseholdsAreTakenOverWithNoReadingLostOrStoredTwice() throws Exception {
        String zookeeper = TestZooKeeper.connectString();
        SecureRandom random = new SecureRandom();
        List<SimulatedHouseholds.Simulated> households = SimulatedHouseholds.make(HOUSEHOLDS, MESSAGES, PER_MESSAGE, MWM,
                ProofOfWorkEngines.defaultEngine(1), random);
        try (TestPostgres postgres = TestPostgres.create(); RunningNode node = RunningNode.start(data.resolve("node"), MWM)) {
            try (ProviderDatabase database = ProviderDatabase.open(postgres.url, null, null)) {
                SimulatedHouseholds.register(households, database, random);
            }
            publish(node, households, 0);
            publish(node, households, 1);
            String basePath = "/p1-iota-test/" + Long.toUnsignedString(random.nextLong(), 36);
            ProviderInstance a = start(data.resolve("a"), "a", node.port, postgres.url, zookeeper, basePath);
            ProviderInstance b = null;
            try {
                awaitReadings(postgres.url, 2 * PER_MESSAGE * HOUSEHOLDS, 90);
                b = start(data.resolve("b"), "b", node.port, postgres.url, zookeeper, basePath);
                try (ShardLeaders leaders = new ShardLeaders(zookeeper, basePath, SHARDS)) {
                    // the instance that started first leads everything until it hands the other its share
                    await().atMost(60, TimeUnit.SECONDS).until(() -> leaders.leaders().values().stream()
                            .filter("b"::equals).count() == SHARDS / 2 && leaders.leaders().size() == SHARDS);
                }
                // every instance serves the HTTP API, whichever shards it leads
                assertThat(a.get("/api/households").statusCode()).isEqualTo(200);
                assertThat(b.get("/api/households").statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(b.get("/api/households").body()).toString()).contains(households.get(0).id());

                publish(node, households, 2);
                assertThat(b.kill()).as("SIGKILL: no shutdown, no leadership handed back").isEqualTo(137);
                long killed = System.nanoTime();
                for (int m = 3; m < MESSAGES; m++) {
                    publish(node, households, m);
                }
                awaitReadings(postgres.url, MESSAGES * PER_MESSAGE * HOUSEHOLDS, 120);
                System.out.printf("failover: all readings stored %.1f s after the SIGKILL%n", (System.nanoTime() - killed) / 1e9);
                Thread.sleep(1000); // anything stored twice would show now
            } finally {
                if (b != null && b.alive()) {
                    b.kill();
                }
                a.stop();
            }
            Map<String, List<Long>> stored = sequences(postgres.url);
            for (SimulatedHouseholds.Simulated household : households) {
                List<Long> expected = new ArrayList<>();
                for (long s = 0; s < (long) MESSAGES * PER_MESSAGE; s++) {
                    expected.add(s);
                }
                assertThat(stored.get(household.id())).as("readings of %s", household.id()).containsExactlyElementsOf(expected);
            }
        }
    }

    private static void publish(RunningNode node, List<SimulatedHouseholds.Simulated> households, int message) throws Exception {
        List<String> trytes = new ArrayList<>();
        households.forEach(h -> trytes.addAll(h.channel().messages().get(message)));
        HttpResponse<String> reply = node.post(JSON.writeValueAsString(Map.of("command", "storeTransactions", "trytes", trytes)));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }

    private static void awaitReadings(String url, int count, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int stored = 0;
        while (System.nanoTime() < deadline) {
            stored = sequences(url).values().stream().mapToInt(List::size).sum();
            if (stored >= count) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("only " + stored + " of " + count + " readings were stored within " + seconds + " s");
    }

    /** Every stored (household, sequence), duplicates included if the table let any in. */
    private static Map<String, List<Long>> sequences(String url) throws Exception {
        Map<String, List<Long>> stored = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT household, sequence FROM reading ORDER BY household, sequence")) {
            while (row.next()) {
                stored.computeIfAbsent(row.getString(1), h -> new ArrayList<>()).add(row.getLong(2));
            }
        }
        return stored;
    }

    /** An instance in its own JVM on the test class path, following the node directly, polling fast. */
    private static ProviderInstance start(Path data, String id, int nodePort, String databaseUrl, String zookeeper, String basePath)
            throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("provider.node-url", "http://127.0.0.1:" + nodePort);
        properties.put("provider.mwm", String.valueOf(MWM));
        properties.put("provider.follow-delay", "200");
        properties.put("provider.max-quiet-delay", "1000");
        properties.put("provider.database.url", databaseUrl);
        properties.put("provider.cluster.zookeeper", zookeeper);
        properties.put("provider.cluster.base-path", basePath);
        properties.put("provider.cluster.shards", String.valueOf(SHARDS));
        properties.put("provider.cluster.instance-id", id);
        properties.put("provider.cluster.balance-interval", "1000");
        properties.put("provider.cluster.session-timeout-ms", "3000");
        return ProviderInstance.launch(data, classpath, Optional.of(RunningNode.repositoryRoutes()), List.of("-Xmx256m"), properties)
                .awaitReady(Duration.ofSeconds(90));
    }
}
