package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.role.RoleRunner;
import org.p1iota.app.role.RoleSettings;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.iota.pow.PearlDiverProofOfWork;
import org.p1iota.iota.pow.TangleAttacher;

/**
 * Retention on a running node over HTTP: transactions older than node.retention are pruned, the
 * database file shrinks, and what is kept keeps working: a tail whose trunk and branch were pruned is
 * still consistent and still chosen by tip selection (its pruned parents are entry points).
 */
class NodeRetentionTest {

    private static final int MWM = 1;
    private static final int RETENTION_SECONDS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TangleAttacher ATTACHER = new TangleAttacher(new PearlDiverProofOfWork(1));
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void prunesOldTransactionsReclaimsDiskAndKeepsTheRestWorking() throws Exception {
        int port = RunningNode.freePort();
        RoleSettings settings = RoleSettings.load(NodeRole.NAME, Map.of(RoleSettings.DATA_PROPERTY, data.toString(),
                "node.port", String.valueOf(port), "node.mwm", String.valueOf(MWM), "camel.main.jmx-enabled", "false",
                "node.retention", RETENTION_SECONDS + "s", "node.retention-check-interval", "1s"));
        try (RoleRunner.Running node = new RoleRunner(new NodeRole(), settings, Optional.of(RunningNode.repositoryRoutes())).start()) {
            String oldTag = TestTransactions.tag("OLD");
            List<String> old = TestTransactions.attachedMany(300, oldTag, MWM);
            assertThat(call(port, Map.of("command", "storeTransactions", "trytes", old)).has("exception")).isFalse();
            String parent = TestTransactions.hash(old.get(0));
            String otherParent = TestTransactions.hash(old.get(1));
            long sizeWithOld = call(port, Map.of("command", "getNodeInfo")).get("dbSizeInBytes").asLong();

            Thread.sleep(RETENTION_SECONDS * 1000 / 2);
            String keptTag = TestTransactions.tag("KEPT");
            String raw = TestTransactions.unattached(TestTransactions.ADDRESS, keptTag, "kept", System.currentTimeMillis() / 1000);
            String kept = ATTACHER.attach(parent, otherParent, MWM, List.of(raw)).get(0);
            String keptHash = TestTransactions.hash(kept);
            call(port, Map.of("command", "storeTransactions", "trytes", List.of(kept)));

            JsonNode info = awaitPruned(port, old.size());
            assertThat(info.get("retentionSeconds").asLong()).isEqualTo(RETENTION_SECONDS);
            assertThat(info.get("storedTransactions").asLong()).isEqualTo(1);
            assertThat(awaitSmallerThan(port, sizeWithOld / 2).get("dbSizeInBytes").asLong()).isLessThan(sizeWithOld / 2);

            // the old transactions are gone from every query
            assertThat(call(port, Map.of("command", "findTransactions", "tags", List.of(oldTag))).get("hashes")).isEmpty();
            assertThat(call(port, Map.of("command", "getTrytes", "hashes", List.of(parent))).get("trytes").get(0).asText())
                    .isEqualTo(NodeTransaction.EMPTY_TRYTES);
            // the kept one is found, readable, consistent and approvable although its parents were pruned
            assertThat(hashes(call(port, Map.of("command", "findTransactions", "tags", List.of(keptTag))))).containsExactly(keptHash);
            assertThat(call(port, Map.of("command", "findTransactions", "approvees", List.of(parent))).get("hashes").get(0).asText())
                    .isEqualTo(keptHash);
            assertThat(call(port, Map.of("command", "getTrytes", "hashes", List.of(keptHash))).get("trytes").get(0).asText())
                    .isEqualTo(kept);
            assertThat(call(port, Map.of("command", "checkConsistency", "tails", List.of(keptHash))).get("state").asBoolean())
                    .isTrue();
            JsonNode tips = call(port, Map.of("command", "getTransactionsToApprove", "depth", 3));
            assertThat(tips.get("trunkTransaction").asText()).isEqualTo(keptHash);
            assertThat(info.get("oldestTransactionTimestamp").asLong()).isPositive();
        }
    }

    private JsonNode awaitPruned(int port, int count) throws Exception {
        long deadline = System.currentTimeMillis() + RETENTION_SECONDS * 1000L;
        JsonNode info = call(port, Map.of("command", "getNodeInfo"));
        while (info.get("prunedTransactions").asLong() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            info = call(port, Map.of("command", "getNodeInfo"));
        }
        assertThat(info.get("prunedTransactions").asLong()).as(info.toString()).isEqualTo(count);
        return info;
    }

    /** Node info once the file is below {@code bytes}: every retention run compacts, in bounded time, so it may take a few. */
    private JsonNode awaitSmallerThan(int port, long bytes) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode info = call(port, Map.of("command", "getNodeInfo"));
        while (info.get("dbSizeInBytes").asLong() >= bytes && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            info = call(port, Map.of("command", "getNodeInfo"));
        }
        return info;
    }

    private static List<String> hashes(JsonNode reply) {
        List<String> hashes = new ArrayList<>();
        reply.get("hashes").forEach(h -> hashes.add(h.asText()));
        return hashes;
    }

    private JsonNode call(int port, Map<String, Object> request) throws Exception {
        var reply = RunningNode.post(http, port, JSON.writeValueAsString(request), true);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }
}
