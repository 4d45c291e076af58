package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.device.PairingInbox;
import org.p1iota.app.myhome.Pairings;
import org.p1iota.app.provider.KeyReceipt;
import org.p1iota.app.testing.InboxJunk;
import org.p1iota.camel.iota.IotaConsumer;

/**
 * Issue 12, finding 1, against the running roles on the embedded node: a stranger writes one of every
 * kind of junk to an inbox (a bundle of 4,001 random trytes that are no bytes, half a bundle, a bundle
 * that does not validate, broken / truncated / oversized / deeply nested JSON, unknown and wrong types)
 * before the genuine messages arrive there; the genuine flow, driven over the HTTP APIs, still completes.
 */
class InboxAttackTest {

    static final int MWM = 3;
    private static final Map<String, String> FAST_BATCHES = Map.of("device.batch.size", "2", "device.batch.max-wait", "1500");

    @TempDir
    Path data;

    @Test
    void junkOnTheDevicesInboxThenPairingSucceeds() throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000), FAST_BATCHES)) {
            int junk = new InboxJunk(system.node, MWM).storeEveryKind(system.device.address, new Random(1));

            JsonNode pairing = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");

            assertThat(pairing.path("state").asText()).as("pairing %s", pairing).isEqualTo("succeeded");
            IotaConsumer inbox = consumer(system.device.running().camelContext(), "device-inbox");
            assertThat(inbox.getUndecodableMessages()).isEqualTo(1);
            assertThat(inbox.getInvalidBundles()).isEqualTo(1);
            PairingInbox beans = system.device.running().beans().get("pairingInbox", PairingInbox.class);
            assertThat(beans.droppedMessages()).as("the JSON junk, dropped by the bean").isEqualTo(junk - 3);
            assertThat(inbox.getFailedMessages()).isZero();
        }
    }

    @Test
    void junkOnMyHomesInboxThenPairingSucceeds() throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000), FAST_BATCHES)) {
            String myHomeInbox = system.myHome.identity().inbox();
            int junk = new InboxJunk(system.node, MWM).storeEveryKind(myHomeInbox, new Random(2));

            JsonNode pairing = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");

            assertThat(pairing.path("state").asText()).as("pairing %s", pairing).isEqualTo("succeeded");
            assertThat(system.household.ok("/api/devices")).singleElement()
                    .satisfies(d -> assertThat(d.path("address").asText()).isEqualTo(system.device.address));
            IotaConsumer inbox = consumer(system.myHome.running().camelContext(), "myhome-inbox");
            assertThat(inbox.getUndecodableMessages()).isEqualTo(1);
            assertThat(inbox.getInvalidBundles()).isEqualTo(1);
            Pairings beans = system.myHome.running().beans().get("myhomePairings", Pairings.class);
            assertThat(beans.droppedMessages()).as("the JSON junk, dropped by the bean").isEqualTo(junk - 3);
            assertThat(inbox.getFailedMessages()).isZero();
        }
    }

    @Test
    void junkOnAProvidersRequestInboxThenItReadsTheKeysAndReceivesTheReadings() throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000), FAST_BATCHES)) {
            JsonNode pairing = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");
            assertThat(pairing.path("state").asText()).as("pairing %s", pairing).isEqualTo("succeeded");
            ApiClient provider = system.watttA.api();
            ApiClient.Answer request = provider.post("/api/consent-requests", Map.of());
            assertThat(request.status()).as("POST /api/consent-requests: %s", request.json()).isEqualTo(201);
            String household = request.json().path("id").asText();
            Map<String, String> link = ConsentSystem.consentLink(request.json().path("myHomeUrl").asText());
            int junk = new InboxJunk(system.node, MWM).storeEveryKind(link.get("inbox"), new Random(3));

            Map<String, String> grant = new LinkedHashMap<>(link);
            grant.put("device", system.device.address);
            ApiClient.Answer granted = system.household.post("/api/policies", grant);
            assertThat(granted.status()).as("POST /api/policies: %s", granted.json()).isEqualTo(201);

            await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                    .until(() -> provider.ok("/api/readings?household=" + household + "&limit=100").path("readings").size() >= 2);
            assertThat(provider.ok("/api/status?household=" + household).path("state").asText()).isEqualTo("receiving");
            ConsentEndToEndTest.assertReadingsAreWhatTheMeterSent(
                    provider.ok("/api/readings?household=" + household + "&limit=10000").path("readings"), system.link);
            KeyReceipt beans = system.watttA.running().running().beans().get("keyReceipt", KeyReceipt.class);
            assertThat(beans.droppedMessages()).as("the JSON junk, dropped by the bean").isEqualTo(junk - 3);
        }
    }

    private static IotaConsumer consumer(CamelContext context, String routeId) {
        return (IotaConsumer) context.getRoute(routeId).getConsumer();
    }
}
