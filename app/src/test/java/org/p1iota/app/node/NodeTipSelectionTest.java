package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.p1iota.app.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tip selection skips tips with invalid bundles in their past; inclusion follows approval; attaches can be interrupted. */
class NodeTipSelectionTest {

    private static final int MWM = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void tipsWithInvalidBundlesAreNotSelected() throws Exception {
        String good = TestTransactions.attached(TestTransactions.ADDRESS, TestTransactions.tag("GOOD"), "good", MWM);
        String raw = TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag("BROKEN"), "broken",
                System.currentTimeMillis() / 1000);
        String wrongBundle = raw.substring(0, 2349) + "B".repeat(81) + raw.substring(2430);
        String broken = new org.p1iota.iota.pow.TangleAttacher(new org.p1iota.iota.pow.PearlDiverProofOfWork(1))
                .attach(NodeTransaction.NULL_HASH, NodeTransaction.NULL_HASH, MWM, List.of(wrongBundle)).get(0);
        String brokenHash = TestTransactions.hash(broken);
        // a valid bundle whose past holds the broken one
        String child = new org.p1iota.iota.pow.TangleAttacher(new org.p1iota.iota.pow.PearlDiverProofOfWork(1))
                .attach(brokenHash, brokenHash, MWM, List.of(TestTransactions.unattached(TestTransactions.ADDRESS,
                        TestTransactions.tag("CHILD"), "child", System.currentTimeMillis() / 1000))).get(0);
        try (RunningNode node = RunningNode.start(data, MWM)) {
            assertThat(call(node, Map.of("command", "storeTransactions", "trytes", List.of(good, broken, child)))
                    .has("duration")).isTrue();
            String goodHash = TestTransactions.hash(good);
            assertThat(call(node, Map.of("command", "getTips")).get("hashes")).hasSize(2);
            for (int i = 0; i < 10; i++) {
                JsonNode tips = call(node, Map.of("command", "getTransactionsToApprove", "depth", 3));
                assertThat(tips.get("trunkTransaction").asText()).isEqualTo(goodHash);
                assertThat(tips.get("branchTransaction").asText()).isEqualTo(goodHash);
            }
            JsonNode consistency = call(node, Map.of("command", "checkConsistency", "tails", List.of(brokenHash)));
            assertThat(consistency.get("state").asBoolean()).isFalse();
            assertThat(consistency.get("info").asText()).contains("bundle is invalid");
            assertThat(call(node, Map.of("command", "checkConsistency", "tails", List.of(TestTransactions.hash(child))))
                    .get("state").asBoolean()).isFalse();

            assertThat(call(node, Map.of("command", "getInclusionStates", "transactions", List.of(goodHash)))
                    .get("states").get(0).asBoolean()).isFalse();
            String approver = new org.p1iota.iota.pow.TangleAttacher(new org.p1iota.iota.pow.PearlDiverProofOfWork(1))
                    .attach(goodHash, goodHash, MWM, List.of(TestTransactions.unattached(TestTransactions.ADDRESS,
                            TestTransactions.tag("NEXT"), "next", System.currentTimeMillis() / 1000))).get(0);
            call(node, Map.of("command", "storeTransactions", "trytes", List.of(approver)));
            assertThat(call(node, Map.of("command", "getInclusionStates", "transactions", List.of(goodHash), "tips", List.of()))
                    .get("states").get(0).asBoolean()).isTrue();
            assertThat(call(node, Map.of("command", "findTransactions", "approvees", List.of(goodHash))).get("hashes").get(0).asText())
                    .isEqualTo(TestTransactions.hash(approver));
        }
    }

    @Test
    void interruptAttachingToTangleCancelsARunningSearch() throws Exception {
        try (RunningNode node = RunningNode.start(data, MWM, Map.of("node.max-mwm", "20"))) {
            String raw = TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag("SLOW"), "slow",
                    System.currentTimeMillis() / 1000);
            // weight 20 takes minutes on two cores (the node refuses more than node.max-mwm)
            CompletableFuture<HttpResponse<String>> attach = CompletableFuture.supplyAsync(() -> {
                try {
                    return node.post(JSON.writeValueAsString(Map.of("command", "attachToTangle",
                            "trunkTransaction", NodeTransaction.NULL_HASH, "branchTransaction", NodeTransaction.NULL_HASH,
                            "minWeightMagnitude", 20, "trytes", List.of(raw))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(attach).isNotDone();
            // repeated, because on a busy machine the attach request may reach the node after the first interrupt
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!attach.isDone() && System.nanoTime() < deadline) {
                call(node, Map.of("command", "interruptAttachingToTangle"));
                Thread.sleep(300);
            }
            HttpResponse<String> reply = attach.get(1, TimeUnit.SECONDS);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reply.body()).get("trytes")).isEmpty();
        }
    }

    private static JsonNode call(RunningNode node, Map<String, Object> request) throws Exception {
        HttpResponse<String> reply = node.post(JSON.writeValueAsString(request));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }
}
