package org.p1iota.app.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.p1iota.app.testing.RunningNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged writes survive kill -9: the node runs in its own JVM (the launcher's main class on the
 * test classpath), each storeTransactions reply is awaited, then the process gets SIGKILL
 * ({@link Process#destroyForcibly()}) and a node restarted on the same data finds every transaction.
 * Without the CHECKPOINT in {@link TangleStore#store} this test fails (most of the 20 are lost).
 */
class NodeKillTest {

    private static final int MWM = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void acknowledgedTransactionsSurviveKillDashNine() throws Exception {
        List<String> trytes = TestTransactions.attachedMany(20, TestTransactions.tag("KILL"), MWM);
        int port = RunningNode.freePort();
        Process node = startNodeProcess(port);
        HttpClient http = HttpClient.newHttpClient();
        try {
            awaitReady(http, port, node);
            for (String transaction : trytes) {
                HttpResponse<String> reply = RunningNode.post(http, port,
                        JSON.writeValueAsString(Map.of("command", "storeTransactions", "trytes", List.of(transaction))), true);
                assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            }
        } finally {
            node.destroyForcibly();
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(node.exitValue()).isEqualTo(137); // 128 + SIGKILL: no shutdown hook ran

        try (RunningNode restarted = RunningNode.start(data, MWM)) {
            List<String> hashes = trytes.stream().map(TestTransactions::hash).toList();
            HttpResponse<String> reply = restarted.post(JSON.writeValueAsString(Map.of("command", "getTrytes", "hashes", hashes)));
            List<String> found = new ArrayList<>();
            JSON.readTree(reply.body()).get("trytes").forEach(t -> found.add(t.asText()));
            assertThat(found).containsExactlyElementsOf(trytes);
        }
    }

    private Process startNodeProcess(int port) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Dcamel.management.port=0", "-cp", classpath, "org.p1iota.app.Launcher", "node",
                "--port", String.valueOf(port), "--data", data.toString(), "--mwm", String.valueOf(MWM),
                "--routes", RunningNode.repositoryRoutes().toString(), "--camel.main.jmx-enabled", "false");
        Path log = Files.createTempFile(data, "node", ".log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(HttpClient http, int port, Process node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(node.isAlive()).as("the node process exited early").isTrue();
            try {
                if (RunningNode.post(http, port, "{\"command\":\"getNodeInfo\"}", true).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the node did not answer within 60 s");
    }
}
