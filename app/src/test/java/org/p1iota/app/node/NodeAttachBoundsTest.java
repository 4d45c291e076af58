package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.iota.jota.dto.response.GetAttachToTangleResponse;
import org.p1iota.app.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * attachToTangle cannot be turned against the node (issue 12, finding 6): a weight no network uses is
 * refused, a search ends at the time limit, a search whose client hung up stops, and a full queue is
 * refused at once. Every attack runs against the node over HTTP; each test then shows that an
 * ordinary attach through jota still completes.
 */
class NodeAttachBoundsTest {

    private static final int NODE_MWM = 9;
    /** Allowed by the nodes below (node.max-mwm 20) and never reached in a test: 3^20 trials, minutes on two cores. */
    private static final int SLOW_MWM = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void aWeightNoNetworkUsesIsRefusedAndANormalAttachCompletes() throws Exception {
        try (RunningNode node = RunningNode.start(data, NODE_MWM)) {
            HttpResponse<String> reply = post(node, attachBody(243, "HUGE"), Duration.ofSeconds(15));

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
            assertThat(JSON.readTree(reply.body()).get("error").asText())
                    .isEqualTo("Invalid minWeightMagnitude input: 243 is above this node's maximum of 14 (node.max-mwm)");
            assertThat(powThreads()).isEmpty();
            genuineAttachCompletes(node);
        }
    }

    @Test
    void aSearchOverTheTimeLimitEndsWithAnErrorAndFreesTheCores() throws Exception {
        try (RunningNode node = RunningNode.start(data, NODE_MWM, Map.of("node.max-mwm", "20",
                "node.attach-timeout-seconds", "2"))) {
            HttpResponse<String> reply = post(node, attachBody(SLOW_MWM, "LONG"), Duration.ofSeconds(30));

            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
            assertThat(JSON.readTree(reply.body()).get("error").asText())
                    .isEqualTo("attachToTangle exceeded timeout of 2 seconds (node.attach-timeout-seconds)");
            awaitNoSearch();
            genuineAttachCompletes(node);
        }
    }

    @Test
    void aClientThatHangsUpStopsItsSearch() throws Exception {
        try (RunningNode node = RunningNode.start(data, NODE_MWM, Map.of("node.max-mwm", "20"))) {
            try (Socket client = sendWithoutReading(node, attachBody(SLOW_MWM, "GONE"))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !powThreads().isEmpty());
            } // the client hangs up: the socket is closed while the search runs

            long closed = System.nanoTime();
            awaitNoSearch();
            System.out.printf("search stopped %d ms after the client hung up%n", (System.nanoTime() - closed) / 1_000_000);
            genuineAttachCompletes(node);
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithServiceUnavailable() throws Exception {
        try (RunningNode node = RunningNode.start(data, NODE_MWM, Map.of("node.max-mwm", "20",
                "node.max-concurrent-attaches", "1", "node.max-queued-attaches", "1"))) {
            try (Socket searching = sendWithoutReading(node, attachBody(SLOW_MWM, "FIRST"))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !powThreads().isEmpty());
                try (Socket queued = sendWithoutReading(node, attachBody(SLOW_MWM, "SECOND"))) {
                    Thread.sleep(500); // the second reaches the queue (if it did not, the third queues and the first socket close frees it)
                    HttpResponse<String> third = post(node, attachBody(SLOW_MWM, "THIRD"), Duration.ofSeconds(15));

                    assertThat(third.statusCode()).as(third.body()).isEqualTo(503);
                    assertThat(JSON.readTree(third.body()).get("error").asText()).isEqualTo(
                            "attachToTangle is busy: 1 searching, 1 waiting; try again later (node.max-queued-attaches)");
                }
            }
            awaitNoSearch();
            genuineAttachCompletes(node);
        }
    }

    @Test
    void aRequestPipelinedBehindALongAttachClosesTheConnectionAfterTheReply() throws Exception {
        try (RunningNode node = RunningNode.start(data, NODE_MWM, Map.of("node.max-mwm", "20",
                "node.attach-timeout-seconds", "2"))) {
            try (Socket client = sendWithoutReading(node, attachBody(SLOW_MWM, "PIPE"))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> !powThreads().isEmpty());
                // a second request on the same connection while the attach searches: the hang-up probe reads its first byte
                byte[] next = ("POST / HTTP/1.1\r\nHost: x\r\nX-IOTA-API-Version: 1\r\nContent-Length: 26\r\n\r\n"
                        + "{\"command\":\"getNodeInfo\"}").getBytes(StandardCharsets.US_ASCII);
                client.getOutputStream().write(next);
                client.getOutputStream().flush();
                client.setSoTimeout(30_000);

                String replies = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // until the node closes
                assertThat(replies).startsWith("HTTP/1.1 400").containsIgnoringCase("Connection: close")
                        .contains("attachToTangle exceeded timeout of 2 seconds");
                assertThat(replies.split("HTTP/1.1 ", -1)).hasSize(2); // one reply: the pipelined request must be resent
            }
            awaitNoSearch();
            genuineAttachCompletes(node);
        }
    }

    @Test
    void aNodeWeightAboveTheAttachMaximumIsAConfigurationError() throws Exception {
        org.p1iota.app.role.RoleSettings settings = org.p1iota.app.role.RoleSettings.load(NodeRole.NAME,
                Map.of(org.p1iota.app.role.RoleSettings.DATA_PROPERTY, data.toString(), "node.mwm", "15"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NodeRole.settings(settings))
                .hasMessageContaining("node.mwm 15 is above node.max-mwm 14");
    }

    /** jota's attachToTangle at the node's weight, then the result is stored and read back. */
    private static void genuineAttachCompletes(RunningNode node) throws Exception {
        String raw = TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag("NORMAL"), "normal",
                System.currentTimeMillis() / 1000);
        GetAttachToTangleResponse attached = node.jota().attachToTangle(NodeTransaction.NULL_HASH,
                NodeTransaction.NULL_HASH, NODE_MWM, raw);
        String trytes = attached.getTrytes()[0];
        assertThat(NodeTransaction.parse(trytes).weight()).isGreaterThanOrEqualTo(NODE_MWM);
        node.jota().storeTransactions(trytes);
        assertThat(node.jota().getTrytes(TestTransactions.hash(trytes)).getTrytes()[0]).isEqualTo(trytes);
    }

    private static String attachBody(int mwm, String tag) throws IOException {
        String raw = TestTransactions.unattached(TestTransactions.ADDRESS, TestTransactions.tag(tag), tag,
                System.currentTimeMillis() / 1000);
        return JSON.writeValueAsString(Map.of("command", "attachToTangle", "trunkTransaction", NodeTransaction.NULL_HASH,
                "branchTransaction", NodeTransaction.NULL_HASH, "minWeightMagnitude", mwm, "trytes", List.of(raw)));
    }

    /** A POST that gives up after {@code timeout}: today's node would never answer the attacks. */
    private static HttpResponse<String> post(RunningNode node, String body, Duration timeout) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/"))
                .header("Content-Type", "application/json").header("X-IOTA-API-Version", "1")
                .timeout(timeout).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A raw HTTP/1.1 POST on its own socket; the caller closes the socket to hang up. */
    private static Socket sendWithoutReading(RunningNode node, String body) throws IOException {
        Socket socket = new Socket("127.0.0.1", node.port);
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + node.port + "\r\nContent-Type: application/json\r\n"
                + "X-IOTA-API-Version: 1\r\nContent-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.flush();
        return socket;
    }

    /** The proof-of-work engine's search threads (BitslicedProofOfWork names them pow-SEARCH-THREAD). */
    private static List<Thread> powThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("pow-")).toList();
    }

    /** The cores are free again: every search thread has ended (they stop within one batch of being told). */
    private static void awaitNoSearch() {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> powThreads().isEmpty());
    }
}
