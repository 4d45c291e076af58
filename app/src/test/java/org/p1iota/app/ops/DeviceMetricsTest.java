package org.p1iota.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.testing.RunningDevice;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.TelegramDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;

/** /observe/metrics counts the telegrams of a replayed capture exactly, and the spool and data channel. */
class DeviceMetricsTest {

    private static final Path CAPTURE = Path.of("../../shared/corpus/dsmr/streams/basjes-ttyusb0-raw.crlf.txt").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void countsTheTelegramsOfAReplayedCaptureExactly() throws Exception {
        long[] expected = new long[2];
        TelegramDecoder decoder = new TelegramDecoder(new TelegramListener() {
            @Override
            public void telegram(Telegram telegram, Frame frame) {
                expected[0]++;
            }

            @Override
            public void rejected(RejectedFrame frame) {
                expected[1]++;
            }
        }, false);
        decoder.feed(Files.readAllBytes(CAPTURE));
        decoder.finish();
        assertThat(expected[0]).isGreaterThan(10);

        int nodePort = RunningNode.freePort();
        try (RunningNode node = RunningNode.start(temp.resolve("node"), 3, nodePort);
             RunningDevice device = RunningDevice.start(temp.resolve("device"), nodePort, 3, "file:" + CAPTURE,
                     Map.of("device.batch.size", "5"))) {
            Management management = Management.of(device.running().camelContext());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(management.metric("p1iota_p1_telegrams_read_total")).isEqualTo((double) expected[0]));
            double rejected = 0;
            for (String reason : new String[] {"CRC_MISMATCH", "MISSING_CRC", "MALFORMED_CRC", "INCOMPLETE", "OVERSIZE", "UNPARSABLE"}) {
                rejected += management.metric("p1iota_p1_telegrams_rejected_total{reason=\"" + reason + "\"}");
            }
            assertThat(rejected).isEqualTo(expected[1]);
            // everything read is spooled, then published: the spool drains and the data channel counts it all
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                    assertThat(management.metric("p1iota_data_telegrams_published_total")).isEqualTo((double) expected[0]));
            assertThat(management.metric("p1iota_spool_depth")).isZero();
            assertThat(management.metric("p1iota_data_messages_published_total")).isPositive();
            assertThat(management.get("/observe/metrics").body()).contains("camel_exchanges_total{", "routeId=\"device-meter-to-spool\"");

            // the node calls behind those messages, by command: tips, store and broadcast once per message
            double messages = management.metric("p1iota_data_messages_published_total");
            double sent = management.metric("p1iota_node_call_seconds_count{command=\"storeTransactions\",outcome=\"ok\"}");
            assertThat(sent).isGreaterThanOrEqualTo(messages);
            assertThat(management.metric("p1iota_node_call_seconds_count{command=\"broadcastTransactions\",outcome=\"ok\"}"))
                    .isEqualTo(sent);
            assertThat(management.metric("p1iota_node_call_seconds_count{command=\"getTransactionsToApprove\",outcome=\"ok\"}"))
                    .isEqualTo(sent);
            // the inbox and the event-channel follower poll the node too
            assertThat(management.metric("p1iota_node_call_seconds_count{command=\"findTransactions\",outcome=\"ok\"}")).isPositive();
            // local proof of work: one per bundle sent, none on the node (localPow=true)
            assertThat(management.metric("p1iota_pow_seconds_count{where=\"local\"}")).isEqualTo(sent);
            assertThat(management.metric("p1iota_pow_seconds_bucket{where=\"local\",le=\"+Inf\"}")).isEqualTo(sent);
            assertThat(management.get("/observe/metrics").body()).doesNotContain("command=\"attachToTangle\"");
            // publish latency: one sample per DATA message, from spool to confirmation
            assertThat(management.metric("p1iota_data_publish_latency_seconds_count")).isEqualTo(messages);
            assertThat(management.metric("p1iota_data_publish_latency_seconds_sum")).isPositive();
            assertThat(management.metric("p1iota_spool_oldest_age_seconds")).isZero();
            // not paired: the follower of My Home's event channel follows nothing yet
            assertThat(management.metric("p1iota_followed_channels{route=\"device-household-events\"}")).isZero();
            assertThat(management.metric("p1iota_follower_lag_seconds{route=\"device-household-events\"}")).isZero();
        }
    }

    @Test
    void proofOfWorkOnTheNodeIsMeteredOnBothSides() throws Exception {
        int nodePort = RunningNode.freePort();
        try (RunningNode node = RunningNode.start(temp.resolve("node"), 3, nodePort);
             RunningDevice device = RunningDevice.start(temp.resolve("device"), nodePort, 3, "file:" + CAPTURE,
                     Map.of("device.batch.size", "5", "device.node.local-pow", "false"))) {
            Management deviceMetrics = Management.of(device.running().camelContext());
            Management nodeMetrics = Management.of(node.running().camelContext());
            await().atMost(Duration.ofSeconds(120)).until(() -> deviceMetrics.metric("p1iota_data_messages_published_total") > 0);
            double attached = deviceMetrics.metric("p1iota_node_call_seconds_count{command=\"attachToTangle\",outcome=\"ok\"}");
            assertThat(attached).isPositive();
            assertThat(deviceMetrics.get("/observe/metrics").body()).doesNotContain("p1iota_pow_seconds_count{where=\"local\"}");
            // every transaction of every attached bundle (a DATA message has two or more) is searched by the node
            assertThat(nodeMetrics.metric("p1iota_node_pow_transaction_seconds_count")).isGreaterThanOrEqualTo(2 * attached);
        }
    }
}
