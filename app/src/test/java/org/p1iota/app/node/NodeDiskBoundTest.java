package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.iota.pow.PearlDiverProofOfWork;
import org.p1iota.iota.pow.TangleAttacher;

/**
 * The database file stays bounded relative to the data it holds while a device writes in many small
 * commits, as a household's DATA messages arrive: one storeTransactions per transaction, each approving
 * the two latest (so every store also updates its parents' approver counts), with messages of random
 * trytes like MAM ciphertext. Before issue 14's fix every commit left a chunk of rewritten index pages
 * behind and the file reached ~22 KB per transaction (ten times the compacted ~2 KB) until the hourly
 * retention run.
 */
class NodeDiskBoundTest {

    private static final int MWM = 1;
    private static final int TRANSACTIONS = Integer.getInteger("p1iota.disk-bound.transactions", 1_500);
    /**
     * Bytes per transaction the file may hold: ~1.5 x the ~2,030 B/tx of live data (a transaction packed in 1,604 bytes,
     * its row and seven index entries; docs/node.md, "Storage"), leaving room for the quarter the file may grow between
     * compactions and one compaction's lag.
     */
    private static final long BOUND_PER_TRANSACTION = 3_000;
    /** From here on the file is large enough for the bound to hold at every sample (at 100 transactions one commit's chunk is already 15 % of it). */
    private static final int BOUNDED_FROM = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TangleAttacher ATTACHER = new TangleAttacher(new PearlDiverProofOfWork(1));
    private static final SecureRandom RANDOM = new SecureRandom();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void manySmallCommitsKeepTheFileNearItsLiveSize() throws Exception {
        try (RunningNode node = RunningNode.start(data, MWM)) {
            String tag = TestTransactions.tag("DISK");
            String trunk = NodeTransaction.NULL_HASH;
            String branch = NodeTransaction.NULL_HASH;
            long peak = 0;
            String last = null;
            for (int i = 0; i < TRANSACTIONS; i++) {
                String raw = TestTransactions.unattached(TestTransactions.ADDRESS, tag, ciphertextLike(), System.currentTimeMillis() / 1000);
                String trytes = ATTACHER.attach(trunk, branch, MWM, List.of(raw)).get(0);
                JsonNode stored = call(node, Map.of("command", "storeTransactions", "trytes", List.of(trytes)));
                assertThat(stored.has("exception")).as(stored.toString()).isFalse();
                branch = trunk;
                trunk = TestTransactions.hash(trytes);
                last = trytes;
                if (i % 100 == 99) {
                    JsonNode info = call(node, Map.of("command", "getNodeInfo"));
                    long size = info.get("dbSizeInBytes").asLong();
                    long count = info.get("storedTransactions").asLong();
                    System.out.printf("disk-bound: %d stored, %d bytes, %d B/tx%n", count, size, size / count);
                    if (count >= BOUNDED_FROM) {
                        peak = Math.max(peak, size / count);
                    }
                }
            }
            JsonNode info = call(node, Map.of("command", "getNodeInfo"));
            long stored = info.get("storedTransactions").asLong();
            assertThat(stored).isEqualTo(TRANSACTIONS);
            assertThat(info.get("dbSizeInBytes").asLong()).as("file after %d single-transaction commits", stored)
                    .isLessThanOrEqualTo(stored * BOUND_PER_TRANSACTION);
            assertThat(peak).as("largest file per transaction seen after %d transactions", BOUNDED_FROM)
                    .isLessThanOrEqualTo(BOUND_PER_TRANSACTION);
            // compaction lost nothing: the tag finds every transaction, the last one reads back
            assertThat(call(node, Map.of("command", "findTransactions", "tags", List.of(tag))).get("hashes")).hasSize(TRANSACTIONS);
            assertThat(call(node, Map.of("command", "getTrytes", "hashes", List.of(trunk))).get("trytes").get(0).asText())
                    .isEqualTo(last);
        }
        System.out.printf("disk-bound: after stop %d bytes%n", java.nio.file.Files.size(data.resolve("node/tangle.mv.db")));
    }

    /** 1,093 random printable characters: 2,186 trytes that, like ciphertext, do not compress. */
    private static String ciphertextLike() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_093; i++) {
            text.append((char) (' ' + RANDOM.nextInt(95)));
        }
        return text.toString();
    }

    private JsonNode call(RunningNode node, Map<String, Object> request) throws Exception {
        var reply = RunningNode.post(http, node.port, JSON.writeValueAsString(request), true);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }
}
