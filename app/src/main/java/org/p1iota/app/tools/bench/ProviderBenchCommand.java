package org.p1iota.app.tools.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.node.NodeRole;
import org.p1iota.app.provider.ProviderDatabase;
import org.p1iota.app.provider.ProviderRole;
import org.p1iota.app.role.RoleRunner;
import org.p1iota.app.role.RoleSettings;
import org.p1iota.iota.pow.ProofOfWorkEngines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./p1-iota bench provider}: N simulated households' data channels on an embedded node (made
 * ahead at a low MWM, put on the node with storeTransactions when each household's next message is due),
 * followed by one or two provider instances in this JVM through a counting proxy. Reports readings
 * stored per second, lag (when the provider stored a message's first telegram minus when the message
 * reached the node) median and p95, the providers' node calls per second, and CPU. docs/scaling.md.
 * With {@code --kill-after} the instances run in child JVMs and one is killed: {@link FailoverBench}.
 */
@Command(name = "provider", description = "measure a provider following many households: throughput, lag, node calls, CPU")
public final class ProviderBenchCommand extends CliCommand {

    @Option(names = "--households", paramLabel = "N", description = "households followed (default ${DEFAULT-VALUE})")
    int households = 1_000;

    @Option(names = "--interval", paramLabel = "SECONDS",
            description = "seconds between a household's messages: 900 = 15-minute resolution (default ${DEFAULT-VALUE})")
    int interval = 900;

    @Option(names = "--telegrams", paramLabel = "N", description = "telegrams per message (default ${DEFAULT-VALUE})")
    int telegrams = 1;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "how long the devices publish (default ${DEFAULT-VALUE})")
    int duration = 120;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "the providers' database, e.g. jdbc:postgresql://127.0.0.1/wattt?user=..&password=.. (default: an H2 file)")
    String databaseUrl = "";

    @Option(names = "--instances", paramLabel = "N", description = "provider instances: 2 needs --database-url and --zookeeper (default ${DEFAULT-VALUE})")
    int instances = 1;

    @Option(names = "--zookeeper", paramLabel = "HOST:PORT", description = "ZooKeeper for two instances")
    String zookeeper = "";

    @Option(names = "--follow-delay", paramLabel = "MS", description = "provider.follow-delay (default ${DEFAULT-VALUE})")
    int followDelay = 1000;

    @Option(names = "--max-quiet-delay", paramLabel = "MS", description = "provider.max-quiet-delay (default ${DEFAULT-VALUE})")
    int maxQuietDelay = 5000;

    @Option(names = "--kill-after", paramLabel = "SECONDS",
            description = "failover: the instances run in child JVMs and the one leading the most shards gets SIGKILL this "
                    + "many seconds into the run; needs --instances 2 or more, PostgreSQL and --zookeeper (default: no kill)")
    int killAfter;

    @Option(names = "--kill-instance", paramLabel = "I", description = "with --kill-after: kill instance I (0 = the first) instead")
    int killInstance = -1;

    @Option(names = "--shards", paramLabel = "N", description = "with --kill-after: provider.cluster.shards (default ${DEFAULT-VALUE})")
    int shards = 8;

    @Option(names = "--session-timeout-ms", paramLabel = "MS",
            description = "with --kill-after: provider.cluster.session-timeout-ms (default: the provider's)")
    int sessionTimeoutMs;

    @Option(names = "--wait", paramLabel = "SECONDS",
            description = "how long to wait after the run for every published message to be stored (default ${DEFAULT-VALUE})")
    int wait = 120;

    static final int MWM = 1;

    @Override
    protected int run(Console console) throws Exception {
        if (instances < 1 || instances > 1 && (databaseUrl.isBlank() || zookeeper.isBlank())) {
            throw usageError("--instances 2 needs --database-url (PostgreSQL) and --zookeeper");
        }
        if (killAfter > 0 && (instances < 2 || !databaseUrl.startsWith("jdbc:postgresql:") || killAfter >= duration
                || killInstance >= instances)) {
            throw usageError("--kill-after needs --instances 2 or more, a PostgreSQL --database-url, --zookeeper, "
                    + "a time within --duration, and --kill-instance below --instances");
        }
        Path data = Files.createTempDirectory("p1iota-bench-provider");
        SecureRandom random = new SecureRandom();
        int messagesEach = Math.max(1, (duration + interval - 1) / interval);
        console.out().printf("provider bench: %d cores, %d households, a message every %d s of %d telegram(s), %d s, %s, %d instance(s)%n",
                Runtime.getRuntime().availableProcessors(), households, interval, telegrams, duration,
                databaseUrl.isBlank() ? "H2" : "PostgreSQL", instances);
        long made = System.nanoTime();
        List<SimulatedHouseholds.Simulated> simulated = SimulatedHouseholds.make(households, messagesEach, telegrams, MWM,
                ProofOfWorkEngines.defaultEngine(0), random);
        console.out().printf("  channels and %d message(s) each made ahead in %.1f s%n", messagesEach, (System.nanoTime() - made) / 1e9);
        String url = databaseUrl.isBlank() ? "jdbc:h2:file:" + data.resolve("p0/provider-db/wattt").toAbsolutePath() : databaseUrl;
        try (ProviderDatabase database = databaseUrl.isBlank() ? ProviderDatabase.open(data.resolve("p0/provider-db"))
                : ProviderDatabase.open(databaseUrl, null, null)) {
            SimulatedHouseholds.register(simulated, database, random);
        }
        int nodePort = freePort();
        RoleSettings nodeSettings = RoleSettings.load(NodeRole.NAME, Map.of(RoleSettings.DATA_PROPERTY, data.resolve("node").toString(),
                "node.port", String.valueOf(nodePort), "node.mwm", String.valueOf(MWM), "camel.main.jmx-enabled", "false",
                "camel.management.port", "0"));
        List<RoleRunner.Running> providers = new ArrayList<>();
        try (RoleRunner.Running node = new RoleRunner(new NodeRole(), nodeSettings, Optional.empty()).start();
                CountingNodeProxy proxy = CountingNodeProxy.start("http://127.0.0.1:" + nodePort)) {
            if (killAfter > 0) {
                Feeder feeder = new Feeder(nodePort, simulated, interval, duration, random).telegramsPerMessage(telegrams);
                new FailoverBench(this).run(console, data, proxy.url(), feeder, simulated, proxy);
                return 0;
            }
            for (int i = 0; i < instances; i++) {
                providers.add(startProvider(data.resolve("p" + i), proxy.url()));
            }
            Feeder feeder = new Feeder(nodePort, simulated, interval, duration, random).telegramsPerMessage(telegrams);
            long cpuBefore = processCpuNanos();
            long callsBefore = proxy.totalCalls();
            long findsBefore = proxy.calls("findTransactions");
            long started = System.nanoTime();
            feeder.run();
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (processCpuNanos() - cpuBefore) / 1e9;
            long calls = proxy.totalCalls() - callsBefore;
            long finds = proxy.calls("findTransactions") - findsBefore;
            Map<String, Map<Long, Instant>> stored = awaitStored(url, feeder, telegrams, wait);
            report(console, feeder, stored, seconds, cpu, calls, finds, proxy);
        } finally {
            for (RoleRunner.Running provider : providers) {
                provider.close();
            }
        }
        return 0;
    }

    private RoleRunner.Running startProvider(Path directory, String nodeUrl) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put(RoleSettings.DATA_PROPERTY, directory.toString());
        properties.put("provider.port", String.valueOf(freePort()));
        properties.put(RoleSettings.NODE_URL, nodeUrl);
        properties.put(RoleSettings.MWM, String.valueOf(MWM));
        properties.put("provider.follow-delay", String.valueOf(followDelay));
        properties.put("provider.max-quiet-delay", String.valueOf(maxQuietDelay));
        properties.put("camel.main.jmx-enabled", "false");
        properties.put("camel.management.port", "0");
        if (!databaseUrl.isBlank()) {
            properties.put("provider.database.url", databaseUrl);
        }
        if (instances > 1) {
            properties.put("provider.cluster.zookeeper", zookeeper);
            properties.put("provider.cluster.base-path", "/p1-iota-bench/" + Long.toUnsignedString(new SecureRandom().nextLong(), 36));
        }
        return new RoleRunner(new ProviderRole(), RoleSettings.load(ProviderRole.NAME, properties), Optional.empty()).start();
    }

    /** (household, sequence) → when stored, once every published message's first telegram is stored or the time is up. */
    static Map<String, Map<Long, Instant>> awaitStored(String url, Feeder feeder, int telegrams, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, Map<Long, Instant>> stored;
        do {
            stored = storedAt(url);
            if (feeder.missing(stored, telegrams) == 0 || System.nanoTime() > deadline) {
                return stored;
            }
            Thread.sleep(1000);
        } while (true);
    }

    static Map<String, Map<Long, Instant>> storedAt(String url) throws Exception {
        Map<String, Map<Long, Instant>> stored = new HashMap<>();
        // H2: the same URL as the provider's, so this JVM shares its open database instead of locking the file
        try (Connection connection = url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url + ";DB_CLOSE_ON_EXIT=FALSE", "wattt", "")
                : DriverManager.getConnection(url); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT household, sequence, stored_at FROM reading")) {
            while (row.next()) {
                stored.computeIfAbsent(row.getString(1), h -> new HashMap<>()).put(row.getLong(2),
                        row.getObject(3, java.time.OffsetDateTime.class).toInstant());
            }
        }
        return stored;
    }

    private void report(Console console, Feeder feeder, Map<String, Map<Long, Instant>> stored, double seconds, double cpu,
            long calls, long finds, CountingNodeProxy proxy) {
        List<Double> lags = feeder.lags(stored, telegrams);
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int published = feeder.published();
        long readings = stored.values().stream().mapToLong(Map::size).sum();
        console.out().printf("  published %d messages (%.1f/s), %d stored within the wait, %d missing%n", published, published / seconds,
                sorted.length, published - sorted.length);
        console.out().printf("  readings stored: %d (%.1f/s)%n", readings, readings / seconds);
        if (sorted.length > 0) {
            console.out().printf("  lag (stored - on the node): median %.2f s, p95 %.2f s, max %.2f s%n", percentile(sorted, 0.5),
                    percentile(sorted, 0.95), sorted[sorted.length - 1]);
        }
        console.out().printf("  provider node calls: %.1f/s (findTransactions %.1f/s, longest address list %d): %s%n", calls / seconds,
                finds / seconds, proxy.longestAddressList(), proxy.callsByCommand());
        console.out().printf("  CPU of this JVM (node, devices' feeder and providers): %.2f cores of %d%n", cpu / seconds,
                Runtime.getRuntime().availableProcessors());
    }

    static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
