package org.p1iota.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningDevice;
import org.p1iota.app.testing.RunningNode;

/**
 * The device's health over camel-main's management server, as a supervisor or a person sees it: the
 * readiness endpoint goes DOWN with the reason when the node stops and UP again when it is back; the
 * meter's check goes DOWN when a TCP meter stays connected but silent.
 */
class DeviceHealthTest {

    private static final Path CAPTURE = Path.of("../../shared/corpus/dsmr/streams/basjes-ttyusb0-raw.crlf.txt").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void readinessGoesDownWithTheReasonWhenTheNodeStopsAndUpWhenItReturns() throws Exception {
        int nodePort = RunningNode.freePort();
        RunningNode node = RunningNode.start(temp.resolve("node"), 3, nodePort);
        try (RunningDevice device = RunningDevice.start(temp.resolve("device"), nodePort, 3,
                "file:" + CAPTURE + "?pace=200&repeat=true", Map.of())) {
            Management management = Management.of(device.running().camelContext());
            await().atMost(Duration.ofSeconds(60)).until(() -> management.get("/observe/health/ready").statusCode() == 200);

            node.close();
            AtomicReference<HttpResponse<String>> down = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                down.set(management.get("/observe/health/ready"));
                return down.get().statusCode() == 503 && down.get().body().contains("\"name\":\"iota-node\"");
            });
            assertThat(Management.text(down.get())).contains("\"name\":\"iota-node\"", "\"status\":\"DOWN\"",
                    "IOTA node http://127.0.0.1:" + nodePort + " does not answer (connection refused)", "iota.node-url");
            // liveness: a restart would not bring the node back, so the process stays alive
            assertThat(management.get("/observe/health/live").statusCode()).isEqualTo(200);

            node = RunningNode.start(temp.resolve("node"), 3, nodePort);
            await().atMost(Duration.ofSeconds(60)).until(() -> management.get("/observe/health/ready").statusCode() == 200);
        } finally {
            node.close();
        }
    }

    @Test
    void meterCheckGoesDownWhenTheTcpMeterFallsSilent() throws Exception {
        byte[] telegrams = Files.readAllBytes(CAPTURE);
        int nodePort = RunningNode.freePort();
        try (RunningNode node = RunningNode.start(temp.resolve("node"), 3, nodePort);
             ServerSocket meter = new ServerSocket(0)) {
            Thread sender = new Thread(() -> {
                try (Socket socket = meter.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write(telegrams);
                    out.flush();
                    Thread.sleep(120_000); // connected, but silent
                } catch (Exception ignored) {
                    // the test ended
                }
            }, "silent-meter");
            sender.setDaemon(true);
            sender.start();
            try (RunningDevice device = RunningDevice.start(temp.resolve("device"), nodePort, 3,
                    "tcp:127.0.0.1:" + meter.getLocalPort(), Map.of("p1iota.health.p1-silence-seconds", "3"))) {
                Management management = Management.of(device.running().camelContext());
                await().atMost(Duration.ofSeconds(30)).until(() -> management.metric("p1iota_p1_telegrams_read_total") > 0);
                AtomicReference<HttpResponse<String>> down = new AtomicReference<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    down.set(management.get("/observe/health/ready"));
                    // (other checks may be DOWN for a moment on a slow machine: Camel's consumers before their first poll)
                    return down.get().statusCode() == 503 && down.get().body().contains("\"name\":\"p1-source\"");
                });
                assertThat(Management.text(down.get())).contains("\"name\":\"p1-source\"", "no telegram from tcp", "for ")
                        .doesNotContain("\"name\":\"iota-node\"");
            } finally {
                sender.interrupt();
            }
        }
    }

    @Test
    void spoolCheckGoesDownWhenTheNodeIsUnreachableLongerThanTheThresholdAndUpWhenItReturns() throws Exception {
        int nodePort = RunningNode.freePort(); // no node there yet
        try (RunningDevice device = RunningDevice.start(temp.resolve("device"), nodePort, 3,
                "file:" + CAPTURE + "?pace=500&repeat=true", Map.of("p1iota.health.spool-age-seconds", "4"))) {
            Management management = Management.of(device.running().camelContext());
            await().atMost(Duration.ofSeconds(30)).until(() -> management.metric("p1iota_spool_depth") > 0);
            AtomicReference<HttpResponse<String>> down = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                down.set(management.get("/observe/health/ready"));
                return down.get().statusCode() == 503 && down.get().body().contains("\"name\":\"spool\"");
            });
            assertThat(Management.text(down.get())).contains("\"name\":\"spool\"", "telegrams in the spool has waited",
                    "to be published (at most 4 s wanted): the IOTA node is unreachable", "see the iota-node check");
            assertThat(management.metric("p1iota_spool_oldest_age_seconds")).isGreaterThan(4);
            // the attempts that failed are counted as such, by command
            assertThat(management.metric("p1iota_node_call_seconds_count{command=\"getTransactionsToApprove\",outcome=\"unreachable\"}"))
                    .isPositive();
            assertThat(management.get("/observe/health/live").statusCode()).isEqualTo(200);

            try (RunningNode node = RunningNode.start(temp.resolve("node"), 3, nodePort)) {
                // the backlog drains (ten telegrams a message) and every check is UP again
                await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                        assertThat(Management.text(management.get("/observe/health/ready"))).startsWith("{\"status\":\"UP\""));
                assertThat(management.metric("p1iota_data_messages_published_total")).isPositive();
                assertThat(management.metric("p1iota_data_publish_latency_seconds_max")).isGreaterThan(4);
            }
        }
    }
}
