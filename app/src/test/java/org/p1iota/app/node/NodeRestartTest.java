package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.p1iota.app.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node restarted on the same data directory answers every query as before. */
class NodeRestartTest {

    private static final int MWM = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void answersTheSameAfterARestart() throws Exception {
        String tag = TestTransactions.tag("RESTART");
        List<String> trytes = TestTransactions.attachedMany(5, tag, MWM);
        List<String> hashes = trytes.stream().map(TestTransactions::hash).toList();
        NodeTransaction first = NodeTransaction.parse(trytes.get(0));
        List<Map<String, Object>> queries = List.of(
                Map.of("command", "findTransactions", "addresses", List.of(TestTransactions.ADDRESS)),
                Map.of("command", "findTransactions", "bundles", List.of(first.bundle())),
                Map.of("command", "findTransactions", "tags", List.of(tag)),
                Map.of("command", "findTransactions", "approvees", List.of(NodeTransaction.NULL_HASH.replace('9', 'A'))),
                Map.of("command", "getTrytes", "hashes", hashes),
                Map.of("command", "getTips"),
                Map.of("command", "getInclusionStates", "transactions", hashes),
                Map.of("command", "checkConsistency", "tails", hashes),
                Map.of("command", "wereAddressesSpentFrom", "addresses", List.of(TestTransactions.ADDRESS)));

        List<JsonNode> before;
        try (RunningNode node = RunningNode.start(data, MWM)) {
            assertThat(node.post(JSON.writeValueAsString(Map.of("command", "storeTransactions", "trytes", trytes)))
                    .statusCode()).isEqualTo(200);
            before = answers(node, queries);
        }
        assertThat(before.get(0).get("hashes")).hasSize(5);
        assertThat(before.get(4).toString()).contains(trytes.get(4));
        try (RunningNode restarted = RunningNode.start(data, MWM)) {
            assertThat(answers(restarted, queries)).isEqualTo(before);
        }
    }

    /** Each reply without its duration, hash lists sorted (IRI does not define their order). */
    static List<JsonNode> answers(RunningNode node, List<Map<String, Object>> queries) throws Exception {
        List<JsonNode> answers = new ArrayList<>();
        for (Map<String, Object> query : queries) {
            var reply = node.post(JSON.writeValueAsString(query));
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(reply.body());
            body.remove("duration");
            if (body.has("hashes") && !query.get("command").equals("getTrytes")) {
                List<String> sorted = new ArrayList<>();
                body.get("hashes").forEach(h -> sorted.add(h.asText()));
                sorted.sort(null);
                body.set("hashes", JSON.valueToTree(sorted));
            }
            answers.add(body);
        }
        return answers;
    }
}
