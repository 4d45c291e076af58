package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.delivery.EnvelopeOpener;
import org.p1iota.app.consent.delivery.GrantSecret;
import org.p1iota.app.consent.delivery.KeyDelivery;
import org.p1iota.app.consent.delivery.Outgoing;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.DeviceAction;
import org.p1iota.app.consent.policy.SideKeys;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.RandomIds;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.app.provider.ConsentRequests;
import org.p1iota.camel.iota.IotaConstants;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.camel.iota.IotaNodeConfiguration;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.tangle.RetryPolicy;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleMessage;
import org.p1iota.iota.tangle.TryteCodec;

/**
 * Issue 12, findings 4 and 5, against every role running in this JVM on the embedded node, driven
 * over HTTP: a stranger who learns a consent request's id forges its key delivery (the provider
 * must refuse it, say so, and then store the household's real readings), and what a provider is
 * sent and what anyone reads on the tangle is no more than needed (no event-channel root, no clear
 * fields linking device, home and provider, no constant project tag).
 */
class KeyDeliveryAttackTest {

    static final int MWM = 3;
    /** The forger's readings: 12.345 kW, a value the capture never shows. */
    static final BigDecimal FORGED_KW = new BigDecimal("12.345");

    @TempDir
    Path data;

    @Test
    void aForgedKeyDeliveryIsRefusedAndTheHouseholdsRealReadingsArrive() throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000),
                Map.of("device.batch.size", "2", "device.batch.max-wait", "1500"));
                Forger forger = new Forger(system.node.port, data.resolve("forger"))) {
            JsonNode paired = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");
            assertThat(paired.path("state").asText()).as("pairing %s", paired).isEqualTo("succeeded");

            // the provider asks; its request id is in the consent link and in the return URL
            JsonNode request = system.request(system.watttA);
            String requestId = request.path("id").asText();
            ConsentSystem.Provider provider = system.watttA;

            LiveStream live = new LiveStream(provider.running().baseUrl(), provider.running().token, requestId);

            // the stranger: inbox and key from the public metadata, keys of its own channel sealed into a MAM_DATA
            JsonNode metadata = publicMetadata(provider, requestId);
            forger.deliverForgedKeys(requestId, metadata);
            forger.publishReadings(3);
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() -> {
                JsonNode status = status(provider, requestId);
                return !status.path("state").asText().equals("waiting_for_keys")
                        || status.path("rejectedKeyDeliveries").asInt() > 0;
            });
            JsonNode refused = status(provider, requestId);
            assertThat(refused.path("state").asText()).as("the forged key delivery is refused: %s", refused)
                    .isEqualTo("waiting_for_keys");
            assertThat(refused.path("rejectedKeyDeliveries").asInt()).isEqualTo(1);
            assertThat(refused.path("message").asText()).contains("did not come from your meter");
            await().atMost(10, TimeUnit.SECONDS).until(() -> live.events("status").stream()
                    .anyMatch(e -> e.data().path("detail").asText().contains("did not come from your meter")));
            live.close();

            // the household grants: the genuine delivery is still read, and only the meter's readings are stored
            ConsentSystem.Grant grant = system.grant(provider, request);
            await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() -> grant.readings().size() >= 4);
            JsonNode readings = grant.readings();
            ConsentEndToEndTest.assertReadingsAreWhatTheMeterSent(readings, system.link);
            for (JsonNode reading : readings) {
                assertThat(reading.path("powerImportW").asInt()).as("a forged reading").isNotEqualTo(12345);
            }
            JsonNode receiving = grant.status();
            assertThat(receiving.path("state").asText()).isEqualTo("receiving");
            assertThat(receiving.path("rejectedKeyDeliveries").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theProviderAndTheTangleLearnOnlyWhatTheyNeed() throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000),
                Map.of("device.batch.size", "2", "device.batch.max-wait", "1500"))) {
            JsonNode paired = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");
            assertThat(paired.path("state").asText()).as("pairing %s", paired).isEqualTo("succeeded");
            ConsentSystem.Grant a = system.grant(system.watttA);
            ConsentSystem.Grant b = system.grant(system.solarB);
            await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                    .until(() -> a.readings().size() >= 2 && b.readings().size() >= 2);
            TangleClient tangle = tangle(system.node.port);
            SoftAssertions softly = new SoftAssertions();

            // what a provider is sent: open A's MAM_DATA with A's own key and try every value in it on My Home's channel
            List<String> deliveries = messagesAt(tangle, a.inbox());
            assertThat(deliveries).isNotEmpty();
            Seed seed = SecretStore.open(system.watttA.running().data, new SecureRandom()).seed();
            EnvelopeOpener opener = PostQuantumEnvelopes.opener(EnvelopeKeys.derive(ConsentRequests.SCHEME, seed.trytes(), 1));
            List<String> householdEvents = new ArrayList<>();
            for (String delivery : deliveries) {
                JsonNode json = ApiClient.JSON.readTree(delivery);
                Set<String> clear = new LinkedHashSet<>();
                json.fieldNames().forEachRemaining(clear::add);
                softly.assertThat(clear).as("MAM_DATA says in clear only what a provider needs before opening it")
                        .containsExactlyInAnyOrder("type", "version", "envelope");
                String sealed = new String(opener.open(json.path("envelope").asText()), StandardCharsets.UTF_8);
                Matcher hashes = Pattern.compile("[9A-Z]{81}").matcher(sealed);
                while (hashes.find()) {
                    householdEvents.addAll(privateChannelMessages(tangle, hashes.group()));
                }
            }
            softly.assertThat(householdEvents).as("My Home's events, readable with what provider A was sent").isEmpty();

            // what the tangle shows: no constant tag, so the project's traffic is not one query away
            List<String> tags = new ArrayList<>();
            for (String address : List.of(a.inbox(), b.inbox(), system.device.address,
                    system.myHome.identity().inbox(), MamAddresses.address(system.myHome.identity().eventRoot(), MamMode.PRIVATE))) {
                for (TangleMessage message : tangle.read(address).messages()) {
                    tags.add(message.tag());
                }
            }
            assertThat(tags).hasSizeGreaterThanOrEqualTo(6);
            softly.assertThat(tags).as("tags of the roles' transactions").noneMatch(tag -> tag.startsWith("PIOTA"));
            Map<String, Integer> counts = new HashMap<>();
            tags.forEach(tag -> counts.merge(tag, 1, Integer::sum));
            counts.remove("9".repeat(27));
            softly.assertThat(counts.values()).as("no tag but all 9s is shared by two messages: %s", counts).allMatch(n -> n == 1);
            softly.assertAll();
        }
    }

    private static JsonNode status(ConsentSystem.Provider provider, String household) throws Exception {
        return provider.api().ok("/api/status?household=" + household);
    }

    /** The provider's well-known metadata for a request, as anyone on the web reads it: no credentials. */
    private static JsonNode publicMetadata(ConsentSystem.Provider provider, String requestId) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                provider.running().baseUrl() + "/.well-known/p1-iota-provider.json?requestId=" + requestId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("metadata: %s", answer.body()).isEqualTo(200);
        return ApiClient.JSON.readTree(answer.body());
    }

    private static TangleClient tangle(int nodePort) {
        IotaNodeConfiguration configuration = new IotaNodeConfiguration();
        configuration.setNodeUrl("http://127.0.0.1:" + nodePort);
        return new TangleClient(configuration, null, RetryPolicy.NONE, Clock.systemUTC());
    }

    private static List<String> messagesAt(TangleClient tangle, String address) throws Exception {
        List<String> texts = new ArrayList<>();
        for (TangleMessage message : tangle.read(address).messages()) {
            texts.add(TryteCodec.decodeText(message.trytes()));
        }
        return texts;
    }

    /** What a private MAM channel at {@code root} says, if {@code root} is one. */
    private static List<String> privateChannelMessages(TangleClient tangle, String root) throws Exception {
        List<String> texts = new ArrayList<>();
        for (TangleMessage bundle : tangle.read(MamAddresses.address(root, MamMode.PRIVATE)).messages()) {
            try {
                texts.add(TryteCodec.decodeText(MamParser.parse(bundle.trytes(), root, null).message()));
            } catch (MamException e) {
                // not a channel message for this root
            }
        }
        return texts;
    }

    /**
     * A stranger with the real components: its own restricted MAM channel of made-up readings, and a
     * MAM_DATA sealing that channel's keys for a provider's published key, sent to the request's inbox.
     */
    static final class Forger implements AutoCloseable {

        private final Seed seed = Seed.generate(new SecureRandom());
        private final String address = InboxAddress.of(seed);
        private final String sideKey = new SideKeys(new SecureRandom()).next();
        private final ProtocolCodec codec = ProtocolCodec.forInbox();
        private final CamelContext camel = new DefaultCamelContext();
        private final ProducerTemplate template;
        private final String node;
        private final String channelUri;
        private final String firstRoot;

        Forger(int nodePort, Path state) throws Exception {
            node = "nodeUrl=http://127.0.0.1:" + nodePort + "&minWeightMagnitude=" + MWM + "&localPow=true";
            channelUri = "iota-mam:forged?mode=restricted&seed=" + seed.trytes() + "&sideKey=" + sideKey + "&stateDirectory="
                    + state + "&" + node;
            firstRoot = new MamChannel(ChannelState.initial(seed.trytes(), MamMode.RESTRICTED, sideKey, 2)).root();
            camel.start();
            template = camel.createProducerTemplate();
        }

        /**
         * The keys of the forger's channel, sealed for the request's published key, to the request's inbox.
         * The forger has everything the tangle and the public metadata show; the grant secret it can only guess.
         */
        void deliverForgedKeys(String requestId, JsonNode metadata) throws Exception {
            ProviderIdentity provider = new ProviderIdentity(metadata.path("name").asText(), "http://127.0.0.1",
                    requestId, metadata.path("inboxAddress").asText(), metadata.path("publicKey").asText(),
                    metadata.path("publicKeyFingerprint").asText());
            ConsentPolicy policy = new ConsentPolicy(RandomIds.of(new SecureRandom()), address, provider, "anything",
                    Instant.now(), GrantSecret.generate(new SecureRandom()));
            Outgoing forged = new KeyDelivery(address, codec, PostQuantumEnvelopes.sealer())
                    .mamData(new DeviceAction.DeliverKeys(policy), firstRoot, sideKey);
            Exchange sent = template.request("iota:" + forged.sendTo() + "?" + node,
                    exchange -> exchange.getMessage().setBody(codec.encode(forged.message())));
            if (sent.getException() != null) {
                throw sent.getException();
            }
            assertThat(sent.getMessage().getHeader(IotaConstants.BUNDLE_HASH, String.class)).isNotBlank();
        }

        /** DATA messages of made-up readings on the forger's channel, one telegram each. */
        void publishReadings(int count) throws Exception {
            for (int sequence = 0; sequence < count; sequence++) {
                String body = new ProtocolCodec().encode(new Data(address, List.of(telegram(sequence))));
                Exchange sent = template.request(channelUri, exchange -> exchange.getMessage().setBody(body));
                if (sent.getException() != null) {
                    throw sent.getException();
                }
                assertThat(sent.getMessage().getHeader(IotaMamConstants.NEXT_ROOT, String.class)).isNotBlank();
            }
        }

        private static Telegram telegram(long sequence) {
            ObjectNode parsed = ApiClient.JSON.createObjectNode();
            parsed.put("timestamp", Instant.now().plusSeconds(sequence).atOffset(ZoneOffset.ofHours(1)).toString());
            parsed.put("energyImportTariff1", new BigDecimal("99999.000"));
            parsed.put("energyImportTariff2", new BigDecimal("99999.000"));
            parsed.put("energyExportTariff1", BigDecimal.ZERO);
            parsed.put("energyExportTariff2", BigDecimal.ZERO);
            parsed.put("powerImport", FORGED_KW);
            parsed.put("powerExport", BigDecimal.ZERO);
            return new Telegram(sequence, "/FORGED\r\n\r\n1-0:1.7.0(12.345*kW)\r\n!0000\r\n", parsed);
        }

        @Override
        public void close() throws Exception {
            camel.close();
        }
    }
}
