package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.Data;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamMode;

/**
 * The figures of issue 5's closing note, measured on the whole system (not run by {@code mvn verify}:
 * surefire only picks up {@code *Test} classes): end-to-end latency from the moment the simulated
 * meter sent a telegram (it passed the {@link RecordingMeterLink}) to the first answer of the
 * provider's {@code GET /api/readings} that holds it, polled every 100 ms; and the transactions per
 * telegram of the data channel, counted on the node. The device and the provider use the shipped
 * defaults on the data path (worker tick 1 s, batch max-wait 10 s, provider follow delay 1 s). One
 * run per batch size, each on a fresh system.
 * Run (docs/performance.md):
 * <pre>mvn -B -o -q -pl app -am verify -Dtest=ConsentLatencyBench -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dp1iota.bench.mwm=9 -Dp1iota.bench.telegrams=90 -Dp1iota.bench.batches=10,2/1000</pre>
 * (surefire hands the {@code -D} user properties to the test JVM; each has the default shown).
 */
@Tag("bench")
class ConsentLatencyBench {

    static final Duration POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void latencyAndTransactionsPerTelegram() throws Exception {
        int mwm = Integer.getInteger("p1iota.bench.mwm", 9);
        int telegrams = Integer.getInteger("p1iota.bench.telegrams", 90);
        long pace = Long.getLong("p1iota.bench.pace", 1000);
        List<String> report = new ArrayList<>();
        // each entry: batch size, optionally /max-wait in ms (default 10000, the shipped one), e.g. 10,2/1000
        for (String batch : System.getProperty("p1iota.bench.batches", "10,2/1000").split(",")) {
            String[] setting = batch.strip().split("/");
            long maxWait = setting.length > 1 ? Long.parseLong(setting[1]) : 10_000;
            report.add(measure(data.resolve("batch-" + setting[0] + "-" + maxWait), mwm, Integer.parseInt(setting[0]), maxWait,
                    telegrams, pace));
        }
        System.out.println();
        System.out.printf("ConsentLatencyBench: MWM %d, meter pace %d ms, %d cores, %s%n", mwm, pace,
                Runtime.getRuntime().availableProcessors(), Instant.now());
        report.forEach(System.out::println);
    }

    private String measure(Path dir, int mwm, int batchSize, long maxWait, int wanted, long pace) throws Exception {
        Map<String, String> device = new LinkedHashMap<>();
        device.put("device.batch.size", String.valueOf(batchSize));
        // the shipped defaults on the data path (application-device/-provider.properties)
        device.put("device.batch.max-wait", String.valueOf(maxWait));
        device.put("device.worker.tick", "1000");
        Map<String, String> provider = Map.of("provider.follow-delay", "1000");
        try (ConsentSystem system = new ConsentSystem(dir, mwm, Duration.ofMillis(pace), device, provider)) {
            JsonNode paired = system.pair(system.device.pairingCode.formatted(), "Bench meter");
            assertThat(paired.path("state").asText()).as("pairing %s", paired).isEqualTo("succeeded");
            ConsentSystem.Grant grant = system.grant(system.watttA);

            Map<Instant, Instant> firstSeen = new LinkedHashMap<>();
            String from = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120 + wanted * pace / 1000 * 2);
            while (firstSeen.size() < wanted + batchSize && System.nanoTime() < deadline) {
                String query = "/api/readings?household=" + grant.household() + "&limit=10000"
                        + (from == null ? "" : "&from=" + URLEncoder.encode(from, StandardCharsets.UTF_8));
                JsonNode readings = grant.provider().api().ok(query).path("readings");
                Instant now = Instant.now();
                for (JsonNode reading : readings) {
                    firstSeen.putIfAbsent(Instant.parse(reading.path("timestamp").asText()), now);
                    from = reading.path("timestamp").asText();
                }
                Thread.sleep(POLL.toMillis());
            }
            assertThat(firstSeen).as("readings at the provider").isNotEmpty();

            Map<Instant, Instant> sentAt = new HashMap<>();
            for (RecordingMeterLink.Sent sent : system.link.sent()) {
                sentAt.put(sent.values().timestamp(), sent.at());
            }
            // the first batch waited for the grant, not for the pipeline: leave it out
            List<Long> latencies = new ArrayList<>();
            int skipped = 0;
            for (Map.Entry<Instant, Instant> seen : firstSeen.entrySet()) {
                if (skipped++ < batchSize) {
                    continue;
                }
                latencies.add(Duration.between(sentAt.get(seen.getKey()), seen.getValue()).toMillis());
            }
            latencies.sort(Long::compare);

            String transactions = transactionsPerTelegram(system, grant);
            return String.format("  batch size %2d, max-wait " + maxWait + " ms: %d telegrams, latency meter -> provider API median %.1f s, p95 %.1f s, min %.1f s,"
                    + " max %.1f s; %s", batchSize, latencies.size(), percentile(latencies, 50) / 1000.0,
                    percentile(latencies, 95) / 1000.0, latencies.get(0) / 1000.0, latencies.get(latencies.size() - 1) / 1000.0,
                    transactions);
        }
    }

    /** Follows the channel with the provider's keys and counts the transactions of each DATA message on the node. */
    private static String transactionsPerTelegram(ConsentSystem system, ConsentSystem.Grant grant) throws Exception {
        DataChannelWalk walk = new DataChannelWalk(system.node.port);
        ChannelKeys keys = walk.deliveredKeys(grant.inbox(), grant.keys(1));
        String root = keys.dataRoot();
        long transactions = 0;
        long telegrams = 0;
        long messages = 0;
        for (Optional<DataChannelWalk.Step> step = walk.read(root, keys.sideKey()); step.isPresent();
                step = walk.read(root, keys.sideKey())) {
            if (step.get().message() instanceof Data batch) {
                String reply = system.node.post("{\"command\":\"findTransactions\",\"addresses\":[\""
                        + MamAddresses.address(root, MamMode.RESTRICTED) + "\"]}").body();
                transactions += JSON.readTree(reply).get("hashes").size();
                telegrams += batch.telegrams().size();
                messages++;
            }
            root = step.get().nextRoot();
        }
        return String.format("%d DATA messages, %d telegrams, %d transactions: %.2f transactions per telegram",
                messages, telegrams, transactions, (double) transactions / telegrams);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
