package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iota.jota.IotaAPI;
import org.iota.jota.error.ArgumentException;
import org.p1iota.app.testing.RunningNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** IRI's status codes and messages for bad transactions and bad requests, over raw HTTP and through jota. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeRequestValidationTest {

    private static final int NODE_MWM = 9;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    private RunningNode node;
    private String valid;

    @BeforeAll
    void start() throws Exception {
        node = RunningNode.start(data, NODE_MWM);
        valid = TestTransactions.attached(TestTransactions.ADDRESS, TestTransactions.tag("VALID"), "valid", NODE_MWM);
    }

    @AfterAll
    void stop() throws Exception {
        node.close();
    }

    @Test
    void invalidTransactionsGetIrisStatusAndMessage() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String ok = TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag("BAD"), "x", now);
        assertStoreFails(valid.substring(1), "Error: Invalid trytes input");
        assertStoreFails("a" + valid.substring(1), "Error: Invalid trytes input");
        assertStoreFails(lightweight(), "Error: Invalid transaction hash");
        assertStoreFails(TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag("BAD"), "x", now + 3 * 3600),
                "Error: Invalid transaction timestamp.");
        assertStoreFails(TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag("BAD"), "x", 1000),
                "Error: Invalid transaction timestamp.");
        assertStoreFails(ok.substring(0, 2268 + 11) + "A" + ok.substring(2268 + 12), "Error: Invalid transaction value");

        IotaAPI jota = node.jota();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jota.storeTransactions(lightweight())))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("Error: Invalid transaction hash");
    }

    @Test
    void aStoreBatchIsAllOrNothingAndBroadcastDropsInvalidSilently() throws Exception {
        String other = TestTransactions.attached(TestTransactions.ADDRESS, TestTransactions.tag("BATCH"), "batch", NODE_MWM);
        assertStoreFails(List.of(other, lightweight()), "Error: Invalid transaction hash");
        assertThat(getTrytes(TestTransactions.hash(other))).isEqualTo(NodeTransaction.EMPTY_TRYTES);

        HttpResponse<String> broadcast = call(Map.of("command", "broadcastTransactions", "trytes", List.of(other, lightweight())));
        assertThat(broadcast.statusCode()).isEqualTo(200);
        assertThat(getTrytes(TestTransactions.hash(other))).isEqualTo(other);
        assertReply(call(Map.of("command", "broadcastTransactions", "trytes", List.of(other.substring(3)))), 500,
                "exception", "Invalid trytes input");
    }

    @Test
    void transportRulesFollowIri() throws Exception {
        assertReply(node.post("{\"command\":\"getNodeInfo\"}", false), 400, "error", "Invalid API Version");
        assertReply(node.post("{\"command\":\"fooBar\"}"), 400, "error", "Command [fooBar] is unknown");
        assertReply(node.post("{\"depth\":3}"), 400, "error", "COMMAND parameter has not been specified in the request.");
        assertReply(node.post(""), 400, "error", "Invalid request payload: ''");
        HttpResponse<String> badJson = node.post("{\"command\":");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badJson.body()).get("error").asText()).startsWith("Invalid JSON syntax: ");
        String tooLong = "{\"command\":\"getNodeInfo\",\"pad\":\"" + "9".repeat(NodeSettings.MAX_BODY_LENGTH) + "\"}";
        assertReply(node.post(tooLong), 400, "error", "Request too long");

        HttpResponse<String> info = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port + "/any/path"))
                .header("X-IOTA-API-Version", "2").header("X-Echo-Probe", "secret")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"getNodeInfo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.headers().firstValue("X-Echo-Probe")).isEmpty();
        assertThat(info.headers().firstValue("X-IOTA-API-Version")).isEmpty();
        assertThat(JSON.readTree(info.body()).has("duration")).isTrue();

        HttpResponse<String> formTyped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port + "/"))
                .header("X-IOTA-API-Version", "1").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"getTips\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(formTyped.statusCode()).as(formTyped.body()).isEqualTo(200);
        assertThat(JSON.readTree(formTyped.body()).has("hashes")).isTrue();
    }

    @Test
    void parametersAreCheckedAsIriChecksThem() throws Exception {
        String prefix = "com.iota.iri.service.ValidationException: ";
        assertReply(call(Map.of("command", "findTransactions", "addresses", List.of(NodeTransaction.NULL_HASH))), 500,
                "exception", prefix + "Invalid addresses input");
        assertReply(call(Map.of("command", "findTransactions")), 500, "exception", prefix + "Invalid parameters");
        assertReply(call(Map.of("command", "findTransactions", "tags", List.of("A".repeat(28)))), 200, "hashes", null);
        assertReply(call(Map.of("command", "getTrytes", "hashes", List.of("ABC"))), 500, "exception", "Invalid hashes input");
        assertThat(getTrytes("Z".repeat(81))).isEqualTo(NodeTransaction.EMPTY_TRYTES);
        assertReply(call(Map.of("command", "getTransactionsToApprove", "depth", 16)), 400, "error", "Invalid depth input");
        assertReply(call(Map.of("command", "getTransactionsToApprove", "depth", "3")), 500, "exception", "Invalid depth input");
        assertReply(call(Map.of("command", "getTransactionsToApprove")), 500, "exception", "Invalid parameters");
        assertReply(call(Map.of("command", "getTrytes", "hashes", java.util.Collections.nCopies(1001, "A".repeat(81)))),
                500, "exception", "Could not complete request");
        assertReply(call(Map.of("command", "getInclusionStates", "transactions", List.of("9"))), 500, "exception",
                "Invalid transactions input");
        assertReply(call(Map.of("command", "attachToTangle", "trunkTransaction", "A", "branchTransaction",
                NodeTransaction.NULL_HASH, "minWeightMagnitude", 9, "trytes", List.of())), 500, "exception",
                "Invalid trunkTransaction input");
    }

    @Test
    void attachingBelowTheNodesWeightFailsItsValidation() throws Exception {
        String raw = TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag("LOW"), "low",
                System.currentTimeMillis() / 1000);
        HttpResponse<String> reply = call(Map.of("command", "attachToTangle", "trunkTransaction", NodeTransaction.NULL_HASH,
                "branchTransaction", NodeTransaction.NULL_HASH, "minWeightMagnitude", 1, "trytes", List.of(raw)));
        // a weight-1 search gives a hash of weight >= 9 with probability 3^-8: then the call succeeds
        if (reply.statusCode() == 500) {
            assertReply(reply, 500, "exception", "Invalid transaction hash");
        } else {
            String attached = JSON.readTree(reply.body()).get("trytes").get(0).asText();
            assertThat(NodeTransaction.parse(attached).weight()).isGreaterThanOrEqualTo(NODE_MWM);
        }
    }

    @Test
    void limitedCommandsAreRefusedToUntrustedHosts() throws Exception {
        IriApi api = new IriApi(Map.of("attachToTangle", (request, context) -> Map.of()));
        IriApi.Reply reply = api.call("{\"command\":\"attachToTangle\"}", "1", false);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(JSON.readTree(reply.body()).get("error").asText())
                .isEqualTo("COMMAND attachToTangle is not available on this node");
        assertThat(api.call("{\"command\":\"attachToTangle\"}", "1", true).status()).isEqualTo(200);
        assertThat(api.call("{\"command\":\"interruptAttachingToTangle\"}", "1", false).status()).isEqualTo(401);
    }

    /** A transaction whose hash weight is below the node's MWM. */
    private static String lightweight() throws InterruptedException {
        for (int i = 0; ; i++) {
            String trytes = TestTransactions.attached(TestTransactions.ADDRESS, TestTransactions.tag("LIGHT"), "light " + i, 0);
            if (NodeTransaction.parse(trytes).weight() < NODE_MWM) {
                return trytes;
            }
        }
    }

    private String getTrytes(String hash) throws Exception {
        HttpResponse<String> reply = call(Map.of("command", "getTrytes", "hashes", List.of(hash)));
        assertThat(reply.statusCode()).isEqualTo(200);
        return JSON.readTree(reply.body()).get("trytes").get(0).asText();
    }

    private void assertStoreFails(String trytes, String message) throws Exception {
        assertStoreFails(List.of(trytes), message);
    }

    private void assertStoreFails(List<String> trytes, String message) throws Exception {
        assertReply(call(Map.of("command", "storeTransactions", "trytes", trytes)), 400, "error", message);
    }

    private HttpResponse<String> call(Map<String, Object> request) throws Exception {
        return node.post(JSON.writeValueAsString(request));
    }

    private static void assertReply(HttpResponse<String> reply, int status, String field, String message) throws Exception {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.has("duration")).isTrue();
        assertThat(body.has(field)).as(reply.body()).isTrue();
        if (message != null) {
            assertThat(body.get(field).asText()).isEqualTo(message);
        }
    }
}
