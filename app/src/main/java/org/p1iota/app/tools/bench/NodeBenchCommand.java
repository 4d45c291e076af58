package org.p1iota.app.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.iota.jota.model.Transaction;
import org.iota.jota.utils.TrytesConverter;
import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.node.NodeRole;
import org.p1iota.app.role.RoleRunner;
import org.p1iota.app.role.RoleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./p1-iota bench node}: starts a node in this JVM on a fresh data directory and measures,
 * over HTTP, storeTransactions throughput (batched and one per request), findTransactions latency at
 * the tangle size reached, and attachToTangle time at MWM 9 and 14 (median, since PoW time is geometric).
 * The node's MWM is 0 for the store phase so that building the input needs no proof of work;
 * validation (Curl-P-81 hashing) still runs on every transaction.
 */
@Command(name = "node", description = "measure the embedded node: store/find throughput, attachToTangle time at MWM 9 and 14")
public final class NodeBenchCommand extends CliCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NULL_HASH = "9".repeat(81);
    private static final int ADDRESSES = 1_000;

    @Option(names = "--transactions", paramLabel = "N",
            description = "transactions stored in batches of --batch (the tangle size finds run at; default ${DEFAULT-VALUE})")
    int transactions = 5_000;

    @Option(names = "--batch", paramLabel = "N", description = "transactions per storeTransactions batch (default ${DEFAULT-VALUE})")
    int batch = 100;

    @Option(names = "--single", paramLabel = "N",
            description = "transactions stored one per request (each waits for its fsync; default ${DEFAULT-VALUE})")
    int single = 200;

    @Option(names = "--finds", paramLabel = "N", description = "findTransactions calls (by address and by tag in turn; default ${DEFAULT-VALUE})")
    int finds = 1_000;

    @Option(names = "--runs9", paramLabel = "N", description = "attachToTangle runs of one transaction at MWM 9 (default ${DEFAULT-VALUE})")
    int runs9 = 30;

    @Option(names = "--runs14", paramLabel = "N",
            description = "attachToTangle runs at MWM 14 (PearlDiver: seconds per run; default ${DEFAULT-VALUE})")
    int runs14 = 3;

    @Option(names = "--sync", paramLabel = "true|false", arity = "1",
            description = "node.sync-on-commit: true fsyncs each acknowledged store, false only flushes it (default ${DEFAULT-VALUE})")
    boolean sync = true;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory (default: a fresh temporary one, deleted afterwards)")
    Path dataDirectory;

    @Override
    protected int run(Console console) throws Exception {
        int batch = Math.max(1, this.batch);
        Path data = dataDirectory != null ? dataDirectory : Files.createTempDirectory("p1iota-bench-node");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RoleSettings settings = RoleSettings.load(NodeRole.NAME, Map.of(RoleSettings.DATA_PROPERTY, data.toString(),
                "node.port", String.valueOf(port), "node.mwm", "0", "camel.main.jmx-enabled", "false", "node.sync-on-commit", String.valueOf(sync)));
        console.out().printf("node bench: %d cores, data %s, fsync on commit %s%n", Runtime.getRuntime().availableProcessors(),
                data, sync);
        try {
            long stored;
            try (RoleRunner.Running node = new RoleRunner(new NodeRole(), settings, Optional.empty()).start()) {
                Client client = new Client(port);
                storePhase(client, console, transactions, batch, single);
                stored = diskPhase(client, console, data);
                findPhase(client, console, finds);
                attachPhase(client, console, 9, runs9);
                attachPhase(client, console, 14, runs14);
            }
            console.out().println(NodeDiskUsage.measure(data, stored).describe("after the node stopped"));
        } finally {
            if (dataDirectory == null) {
                deleteTree(data);
            }
        }
        return 0;
    }

    private void storePhase(Client client, Console console, int transactions, int batch, int single) throws Exception {
        long started = System.nanoTime();
        int stored = 0;
        while (stored < transactions) {
            List<String> trytes = new ArrayList<>();
            for (int i = 0; i < batch && stored + i < transactions; i++) {
                trytes.add(transaction(stored + i));
            }
            client.call(Map.of("command", "storeTransactions", "trytes", trytes));
            stored += trytes.size();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        console.out().printf("storeTransactions, batches of %d: %d tx in %.1f s = %.0f tx/s (incl. building the trytes)%n",
                batch, stored, seconds, stored / seconds);
        long[] latencies = new long[single];
        for (int i = 0; i < single; i++) {
            String trytes = transaction(transactions + i);
            long t0 = System.nanoTime();
            client.call(Map.of("command", "storeTransactions", "trytes", List.of(trytes)));
            latencies[i] = System.nanoTime() - t0;
        }
        if (single > 0) {
            console.out().printf("storeTransactions, 1 tx per request: %s, %.0f tx/s%n", describe(latencies),
                    single / (Arrays.stream(latencies).sum() / 1e9));
        }
    }

    /** Bytes on disk per stored transaction while the node runs, as a device at 1 Hz leaves it. */
    private long diskPhase(Client client, Console console, Path data) throws Exception {
        long stored = client.call(Map.of("command", "getNodeInfo")).path("storedTransactions").asLong();
        console.out().println(NodeDiskUsage.measure(data, stored).describe("while running"));
        return stored;
    }

    private void findPhase(Client client, Console console, int finds) throws Exception {
        var info = client.call(Map.of("command", "getNodeInfo"));
        // every bench transaction approves the null hash, so all stored transactions are tips
        long size = info.get("tips").asLong();
        console.out().printf("tangle: %d transactions, database %.1f MB%n", size, info.get("dbSizeInBytes").asLong() / 1e6);
        if (finds <= 0) {
            return;
        }
        long[] latencies = new long[finds];
        long hits = 0;
        for (int i = 0; i < finds; i++) {
            int address = ThreadLocalRandom.current().nextInt(ADDRESSES);
            Map<String, Object> query = switch (i % 2) {
                case 0 -> Map.of("command", "findTransactions", "addresses", List.of(address(address)));
                default -> Map.of("command", "findTransactions", "tags", List.of(tag(address)));
            };
            long t0 = System.nanoTime();
            hits += client.call(query).get("hashes").size();
            latencies[i] = System.nanoTime() - t0;
        }
        console.out().printf("findTransactions (address/tag, ~%d hits each) at %d stored transactions: %s, %.0f req/s%n",
                finds == 0 ? 0 : hits / finds, size, describe(latencies), finds / (Arrays.stream(latencies).sum() / 1e9));
    }

    private void attachPhase(Client client, Console console, int mwm, int runs) throws Exception {
        if (runs <= 0) {
            return;
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            String raw = transaction(-1 - i - mwm * 1000);
            long t0 = System.nanoTime();
            client.call(Map.of("command", "attachToTangle", "trunkTransaction", NULL_HASH, "branchTransaction", NULL_HASH,
                    "minWeightMagnitude", mwm, "trytes", List.of(raw)));
            times[i] = System.nanoTime() - t0;
        }
        console.out().printf("attachToTangle 1 tx at MWM %d (PearlDiver, %d runs): %s%n", mwm, runs, describe(times));
    }

    private static String describe(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.2f ms, p90 %.2f ms, max %.2f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.round(sorted.length * 0.9))] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** A zero-value transaction with a message; 1,000 addresses and tags shared round-robin. */
    private static String transaction(int n) {
        Transaction t = new Transaction();
        String message = TrytesConverter.asciiToTrytes("{\"bench\":" + n + ",\"nonce\":" + System.nanoTime() + "}");
        t.setSignatureFragments(message + "9".repeat(2187 - message.length()));
        int group = Math.floorMod(n, ADDRESSES);
        t.setAddress(address(group));
        t.setValue(0);
        t.setObsoleteTag(tag(group));
        t.setTag(tag(group));
        t.setTimestamp(System.currentTimeMillis() / 1000);
        t.setCurrentIndex(0);
        t.setLastIndex(0);
        t.setBundle(NULL_HASH);
        t.setTrunkTransaction(NULL_HASH);
        t.setBranchTransaction(NULL_HASH);
        t.setNonce("9".repeat(27));
        return t.toTrytes();
    }

    private static String address(int group) {
        return pad("BENCH" + TrytesConverter.asciiToTrytes(Integer.toString(group)), 81);
    }

    private static String tag(int group) {
        return pad("BT" + TrytesConverter.asciiToTrytes(Integer.toString(group)), 27);
    }

    private static String pad(String trytes, int length) {
        return trytes + "9".repeat(length - trytes.length());
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A minimal IRI client: jota's would add its own validation and object mapping to every timing. */
    private static final class Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI uri;

        Client(int port) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/");
        }

        com.fasterxml.jackson.databind.JsonNode call(Map<String, Object> request) throws Exception {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(uri).header("X-IOTA-API-Version", "1")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(request.get("command") + " failed: " + reply.statusCode() + " " + reply.body());
            }
            return JSON.readTree(reply.body());
        }
    }
}
