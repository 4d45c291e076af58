package org.p1iota.app.provider;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;
import org.p1iota.app.web.ConsentLink;
import org.p1iota.app.web.ProviderVerifier;
import org.p1iota.app.web.VerifiedProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provider role on the embedded node, the device side simulated with the real components:
 * consent request (verified by My Home's ProviderVerifier) → MAM_DATA → readings over HTTP (JSON,
 * CSV, live SSE) → restart with a request still open → key rotations that keep one household and
 * revoke the other, then both.
 */
class ProviderRoleOnNodeTest {

    private static final int MWM = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static RunningNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = RunningNode.start(data.resolve("node"), MWM);
    }

    @AfterAll
    static void stopNode() throws Exception {
        node.close();
    }

    private static RunningProvider startProvider(Path dir, int port) throws Exception {
        return RunningProvider.start(dir, node.port, MWM, port, Map.of("provider.sse-heartbeat-seconds", "1"));
    }

    @Test
    void householdsAreReadFromConsentToRevocationAcrossARestart() throws Exception {
        Path dir = data.resolve("provider");
        int port = RunningNode.freePort();
        RunningProvider provider = startProvider(dir, port);
        try (SimulatedDevice device = new SimulatedDevice(node.port, MWM, data.resolve("device"))) {
            // a consent request whose link My Home's verifier accepts
            ConsentPolicy first = consent(provider, device, "pol_first0001");
            assertThat(household(provider, first).get("state").asText()).isEqualTo("waiting_for_keys");

            device.deliverKeys(first);
            device.publishData(1, 3);
            awaitReadings(provider, first, 3);
            assertThat(household(provider, first).get("state").asText()).isEqualTo("receiving");

            JsonNode readings = JSON.readTree(provider.get("/api/readings?household=" + household(first)).body()).get("readings");
            JsonNode reading = readings.get(0);
            assertThat(reading.get("timestamp").asText()).isEqualTo("2026-11-25T02:00:10Z");
            assertThat(reading.get("powerImportW").asInt()).isEqualTo(100);
            assertThat(reading.get("energyImportKwh").decimalValue()).isEqualByComparingTo("3001.500");
            assertThat(reading.get("energyExportKwh").decimalValue()).isEqualByComparingTo("30.250");
            assertThat(reading.get("gasM3").decimalValue()).isEqualByComparingTo("3456.789");
            assertThat(reading.get("gasTimestamp").asText()).isEqualTo("2026-11-25T02:00:00Z");

            HttpResponse<String> csv = provider.get("/api/readings?household=" + household(first) + "&from=2026-11-25T02:00:20Z", "text/csv");
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(csv.body().lines().toList()).containsExactly(ReadingJson.CSV_HEADER,
                    "2026-11-25T02:00:20Z,200,0,3002.500,30.250,3456.789", "2026-11-25T02:00:30Z,300,0,3003.500,30.250,3456.789");

            // a second request, granted while the provider is down: its inbox is watched again after the restart
            ConsentPolicy second = consent(provider, device, "pol_second002");
            provider.close();
            device.deliverKeys(second);
            device.publishData(4, 4);
            provider = startProvider(dir, port);
            RunningProvider live = provider;
            awaitReadings(provider, first, 4);
            awaitReadings(provider, second, 1);

            // live: a reading stored now reaches an open stream
            BlockingQueue<String> lines = stream(provider, first);
            await().atMost(10, TimeUnit.SECONDS).until(() -> lines.stream().anyMatch(line -> line.startsWith(":")));
            device.publishData(5, 5);
            await().atMost(60, TimeUnit.SECONDS).until(() -> lines.stream().anyMatch(line -> line.contains("\"powerImportW\":500")));
            assertThat(lines).contains("event: reading", "id: 2026-11-25T02:00:50Z");

            // the device drops the second policy: the first reads on under the new key, the second is cut off
            device.rotate(List.of(first));
            device.publishData(6, 6);
            awaitReadings(provider, first, 6);
            await().atMost(30, TimeUnit.SECONDS).until(() -> "revoked".equals(household(live, second).get("state").asText()));
            // then the device is deleted: nobody remains
            device.rotate(List.of());
            device.publishData(7, 7);
            await().atMost(60, TimeUnit.SECONDS).until(() -> "revoked".equals(household(live, first).get("state").asText()));
            Thread.sleep(2000); // the followers had time to read message 7, if they still could
            assertThat(lines).contains("event: status", "data: {\"household\":\"" + household(first) + "\",\"state\":\"revoked\"}");
            assertThat(count(provider, first)).isEqualTo(6);
            assertThat(count(provider, second)).isEqualTo(2);
            JsonNode status = JSON.readTree(provider.get("/api/status?household=" + household(first)).body());
            assertThat(status.get("state").asText()).isEqualTo("revoked");
            assertThat(status.get("readings").asInt()).isEqualTo(6);
            assertThat(status.get("node").asText()).isEqualTo("ok");
        } finally {
            provider.close();
        }
    }

    /**
     * DATA v2 on the real provider: granted after the channel's first message, it reads from the message
     * its keys name; a cut and an altered message are skipped with their reason, and the next one is read.
     */
    @Test
    void dataV2IsReadMidStreamAndDamagedMessagesCostNothingElse() throws Exception {
        List<byte[]> capture = org.p1iota.app.channel.DataV2CodecTest.capture();
        RunningProvider provider = startProvider(data.resolve("provider-v2"), RunningNode.freePort());
        try (SimulatedDevice device = new SimulatedDevice(node.port, MWM, data.resolve("device-v2"))) {
            device.publishTrytes(dataV2(device, capture, 1, 3)); // before the grant: not for this provider
            ConsentPolicy policy = consent(provider, device, "pol_datav2001");
            device.deliverKeys(policy);
            String cut = dataV2(device, capture, 4, 6);
            device.publishTrytes(cut.substring(0, cut.length() - 40));
            String altered = dataV2(device, capture, 7, 9);
            int at = altered.length() / 2;
            device.publishTrytes(altered.substring(0, at) + (altered.charAt(at) == 'A' ? 'B' : 'A') + altered.substring(at + 1));
            String good = dataV2(device, capture, 10, 12);
            device.publishTrytes(good);
            awaitReadings(provider, policy, 3);

            JsonNode readings = JSON.readTree(provider.get("/api/readings?household=" + household(policy)).body()).get("readings");
            org.p1iota.app.consent.message.Data expected = org.p1iota.app.channel.DataChannelDecoder.toData(
                    org.p1iota.app.channel.DataV2Codec.decode(good));
            List<String> stamps = new ArrayList<>();
            for (JsonNode reading : readings) {
                stamps.add(reading.get("timestamp").asText());
            }
            List<String> sent = new ArrayList<>();
            for (org.p1iota.app.consent.message.Telegram telegram : expected.telegrams()) {
                sent.add(java.time.OffsetDateTime.parse(telegram.parsed().get("timestamp").asText()).toInstant().toString());
            }
            assertThat(stamps).as("only the good message's telegrams, none of the skipped ones")
                    .containsExactlyInAnyOrderElementsOf(sent);
        } finally {
            provider.close();
        }
    }

    private static String dataV2(SimulatedDevice device, List<byte[]> capture, int first, int last) {
        return org.p1iota.app.channel.DataV2Codec.encode(new org.p1iota.app.channel.TelegramBatch(device.address, first,
                capture.subList(first - 1, last)));
    }

    /** Creates a consent request, checks it with My Home's verifier, and grants it as My Home would record it. */
    private static ConsentPolicy consent(RunningProvider provider, SimulatedDevice device, String policyId) throws Exception {
        HttpResponse<String> created = provider.post("/api/consent-requests", "{\"myHome\": \"http://localhost:8080/\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String myHomeUrl = body.get("myHomeUrl").asText();
        assertThat(myHomeUrl).startsWith("http://localhost:8080/new-policy?");
        ConsentLink link = ConsentLink.fromParameters(query(URI.create(myHomeUrl)));
        assertThat(link.requestId()).isEqualTo(body.get("id").asText());
        assertThat(link.origin()).isEqualTo("http://localhost:" + provider.port);
        VerifiedProvider verified = new ProviderVerifier(new org.p1iota.app.web.ProviderOriginRules(true, java.util.Set.of())).verify(link);
        ProviderIdentity identity = new ProviderIdentity(verified.metadata().name(), link.origin(), link.requestId(),
                link.inbox(), link.publicKey(), verified.metadata().publicKeyFingerprint());
        String grantSecret = fragment(URI.create(myHomeUrl)).get("grantSecret");
        assertThat(grantSecret).as("the grant secret, in the link's fragment only").hasSize(43);
        assertThat(provider.get("/.well-known/p1-iota-provider.json?requestId=" + link.requestId()).body()).doesNotContain(grantSecret);
        return new ConsentPolicy(policyId, device.address, identity, link.goal(), Instant.now(), grantSecret);
    }


    private static String household(ConsentPolicy policy) {
        return policy.provider().consentRequestId();
    }

    private static JsonNode household(RunningProvider provider, ConsentPolicy policy) throws Exception {
        for (JsonNode household : JSON.readTree(provider.get("/api/households").body())) {
            if (household.get("id").asText().equals(household(policy))) {
                return household;
            }
        }
        throw new AssertionError("no household " + household(policy));
    }

    private static int count(RunningProvider provider, ConsentPolicy policy) throws Exception {
        return JSON.readTree(provider.get("/api/readings?household=" + household(policy)).body()).get("readings").size();
    }

    private static void awaitReadings(RunningProvider provider, ConsentPolicy policy, int count) {
        await().atMost(60, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS).until(() -> count(provider, policy) >= count);
    }

    private static BlockingQueue<String> stream(RunningProvider provider, ConsentPolicy policy) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(provider.baseUrl() + "/api/readings/stream?household=" + household(policy)))
                .header("Authorization", "Bearer " + provider.token).header("Accept", "text/event-stream").GET().build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        return lines;
    }

    private static Map<String, String> query(URI uri) {
        return parameters(uri.getRawQuery());
    }

    private static Map<String, String> fragment(URI uri) {
        return parameters(uri.getRawFragment());
    }

    private static Map<String, String> parameters(String raw) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
