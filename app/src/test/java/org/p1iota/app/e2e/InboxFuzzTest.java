package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.MessageType;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolMessage;
import org.p1iota.app.consent.message.SampleMessages;
import org.p1iota.app.device.PairingInbox;
import org.p1iota.app.myhome.Pairings;
import org.p1iota.app.provider.KeyReceipt;
import org.p1iota.app.testing.InboxJunk;
import org.p1iota.camel.iota.IotaConsumer;
import org.p1iota.iota.tangle.TryteCodec;

/**
 * Issue 12, finding 1, randomized: thousands of malformed messages (random trytes, random bytes, broken,
 * truncated, mutated, huge and nested JSON, well-formed messages of the wrong kind, half bundles, bundles
 * that do not validate) on the inboxes of the device, My Home and a provider's consent request, all
 * running on the embedded node (MWM 1, loopback), plus 1,001 half bundles on My Home's inbox (more than
 * the node's 1,000-entry list limit); then the genuine flow: pair, grant, readings arrive. No consumer
 * stops, none is stuck, and the counters show the drops. Seeded: {@code -Dinbox.fuzz.seed=N} repeats
 * a run; the seed is in every failure message.
 */
class InboxFuzzTest {

    static final int MWM = 1;
    private static final int PER_INBOX = 600;
    private static final int HALF_BUNDLE_FLOOD = 1_001;

    @TempDir
    Path data;

    @Test
    void thousandsOfMalformedInboxMessagesThenPairGrantAndReadings() throws Exception {
        long seed = Long.getLong("inbox.fuzz.seed", new Random().nextLong());
        System.out.println("InboxFuzzTest seed " + seed + " (repeat with -Dinbox.fuzz.seed=" + seed + ")");
        try {
            run(new Random(seed));
        } catch (AssertionError | Exception e) {
            throw new AssertionError("InboxFuzzTest failed with seed " + seed + " (repeat with -Dinbox.fuzz.seed=" + seed
                    + "): " + e.getMessage(), e);
        }
    }

    private void run(Random random) throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000),
                Map.of("device.batch.size", "2", "device.batch.max-wait", "1500"))) {
            ApiClient provider = system.watttA.api();
            ApiClient.Answer request = provider.post("/api/consent-requests", Map.of());
            assertThat(request.status()).as("POST /api/consent-requests: %s", request.json()).isEqualTo(201);
            String household = request.json().path("id").asText();
            Map<String, String> link = ConsentSystem.consentLink(request.json().path("myHomeUrl").asText());
            String myHomeInbox = system.myHome.identity().inbox();

            InboxJunk junk = new InboxJunk(system.node, MWM);
            List<String> templates = templates();
            List<String> notClaims = templates.stream().filter(t -> !t.contains("\"CLAIM_DEVICE\"")).toList();
            long started = System.nanoTime();
            List<List<String>> bundles = new ArrayList<>();
            for (int i = 0; i < PER_INBOX; i++) {
                // no well-formed claims at the device: its claim rate limit (a pairing defence) would refuse the genuine one
                bundles.add(malformed(junk, system.device.address, random, notClaims));
                bundles.add(malformed(junk, myHomeInbox, random, templates));
                bundles.add(malformed(junk, link.get("inbox"), random, templates));
            }
            for (int i = 0; i < HALF_BUNDLE_FLOOD; i++) {
                bundles.add(junk.halfBundle(myHomeInbox, random));
            }
            bundles.forEach(junk::store);
            junk.flush();
            int stored = bundles.size();
            System.out.printf("InboxFuzzTest: %d malformed messages made and stored in %d s%n", stored,
                    (System.nanoTime() - started) / 1_000_000_000L);

            JsonNode pairing = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");
            assertThat(pairing.path("state").asText()).as("pairing %s", pairing).isEqualTo("succeeded");

            Map<String, String> grant = new LinkedHashMap<>(link);
            grant.put("device", system.device.address);
            ApiClient.Answer granted = system.household.post("/api/policies", grant);
            assertThat(granted.status()).as("POST /api/policies: %s", granted.json()).isEqualTo(201);
            await().atMost(120, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500))
                    .until(() -> provider.ok("/api/readings?household=" + household + "&limit=100").path("readings").size() >= 2);
            assertThat(provider.ok("/api/status?household=" + household).path("state").asText()).isEqualTo("receiving");

            IotaConsumer device = started(system.device.running().camelContext(), "device-inbox");
            IotaConsumer myHome = started(system.myHome.running().camelContext(), "myhome-inbox");
            assertThat(device.getFailedMessages() + myHome.getFailedMessages()).as("messages a route threw on").isZero();
            long deviceDrops = device.getUndecodableMessages() + device.getInvalidBundles()
                    + system.device.running().beans().get("pairingInbox", PairingInbox.class).droppedMessages();
            long myHomeDrops = myHome.getUndecodableMessages() + myHome.getInvalidBundles()
                    + system.myHome.running().beans().get("myhomePairings", Pairings.class).droppedMessages();
            long providerDrops = system.watttA.running().running().beans().get("keyReceipt", KeyReceipt.class).droppedMessages();
            System.out.printf("InboxFuzzTest drops: device %d, My Home %d, provider bean %d%n", deviceDrops, myHomeDrops, providerDrops);
            // each distinct message counts once (equal ones sent within a second share a bundle); half bundles never count
            assertThat(deviceDrops).isBetween(PER_INBOX / 2L, (long) PER_INBOX);
            assertThat(myHomeDrops).isBetween(PER_INBOX / 2L, (long) PER_INBOX);
            assertThat(providerDrops).as("JSON junk at the request's inbox").isPositive();
        }
    }

    private static IotaConsumer started(CamelContext context, String routeId) {
        assertThat(context.getRouteController().getRouteStatus(routeId)).as(routeId).isEqualTo(ServiceStatus.Started);
        return (IotaConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Well-formed messages of every type (for the wrong inbox, unknown claims, keys that do not open). */
    private static List<String> templates() {
        ProtocolCodec codec = new ProtocolCodec();
        List<String> json = new ArrayList<>();
        for (Map.Entry<MessageType, ProtocolMessage> sample : SampleMessages.all().entrySet()) {
            json.add(codec.encode(sample.getValue()));
        }
        return json;
    }

    /** One malformed bundle of a random kind. */
    private static List<String> malformed(InboxJunk junk, String address, Random random, List<String> templates)
            throws InterruptedException {
        String template = templates.get(random.nextInt(templates.size()));
        int kind = random.nextInt(100);
        if (kind < 15) {
            return junk.bundle(address, InboxJunk.randomTrytes(random, 1 + random.nextInt(2187)));
        }
        if (kind < 25) {
            byte[] bytes = new byte[random.nextInt(1000)];
            random.nextBytes(bytes);
            return junk.bundle(address, TryteCodec.encode(bytes));
        }
        if (kind < 40) {
            return junk.text(address, template.substring(0, random.nextInt(template.length())));
        }
        if (kind < 60) {
            return junk.text(address, mutate(template, random));
        }
        if (kind < 70) {
            return junk.text(address, template);
        }
        if (kind < 71) {
            return junk.text(address, "{\"type\":\"MAM_DATA\",\"version\":1,\"x\":\"" + "A".repeat(17_000 + random.nextInt(3000)) + "\"}");
        }
        if (kind < 76) {
            int depth = 17 + random.nextInt(500);
            return junk.text(address, "{\"type\":\"CHALLENGE\",\"version\":1,\"a\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}");
        }
        if (kind < 85) {
            List<String> bad = InboxJunk.badJson(random);
            return junk.text(address, bad.get(random.nextInt(bad.size())));
        }
        if (kind < 90) {
            return junk.halfBundle(address, random);
        }
        if (kind < 95) {
            return junk.invalidBundle(address, template);
        }
        return junk.text(address, new String(template.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                .replace('"', (char) (0x80 + random.nextInt(0x80))));
    }

    /** A few random characters of the JSON replaced, inserted or removed. */
    private static String mutate(String json, Random random) {
        StringBuilder text = new StringBuilder(json);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            String alphabet = "{}[]\":,01aZ\\ \u0000\u00e9";
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, c);
                case 1 -> text.insert(at, c);
                default -> text.deleteCharAt(at);
            }
        }
        return text.toString();
    }
}
