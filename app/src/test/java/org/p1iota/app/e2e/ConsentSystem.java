package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.p1iota.app.consent.delivery.ProviderKeys;
import org.p1iota.app.demo.MeterTelegrams;
import org.p1iota.app.demo.SimulatedMeter;
import org.p1iota.app.provider.ConsentRequests;
import org.p1iota.app.provider.Household;
import org.p1iota.app.provider.HouseholdState;
import org.p1iota.app.testing.RunningDevice;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.testing.RunningProvider;

/**
 * Every role of the system in this JVM, each in its own Camel context and data directory, as the
 * demo starts them: the embedded node, a simulated meter (a real capture re-stamped to now) behind a
 * {@link RecordingMeterLink}, the device reading it over TCP, My Home, and two providers that both
 * send households to that My Home. The household's part is played over the HTTP APIs.
 */
final class ConsentSystem implements AutoCloseable {

    /** A provider and its API as its own scripts call it. */
    record Provider(String name, RunningProvider running, ApiClient api) {
    }

    /** One consent request, granted: the provider's household id, My Home's policy id, the link's inbox. */
    record Grant(Provider provider, String household, String policyId, String inbox, String grantSecret) {

        JsonNode status() throws Exception {
            return provider.api().ok("/api/status?household=" + household);
        }

        JsonNode readings() throws Exception {
            return provider.api().ok("/api/readings?household=" + household + "&limit=10000").path("readings");
        }

        /** The provider's own key pair for this household (request n of a fresh provider has key n = 1, 2, ...). */
        ProviderKeys keys(int requestNumber) {
            ConsentRequests requests = provider.running().running().beans().get("consentRequests", ConsentRequests.class);
            return requests.keys(new Household(household, requestNumber, inbox, "", null, HouseholdState.RECEIVING, policyId, null,
                    null, grantSecret, 0));
        }
    }

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    final RunningNode node;
    final SimulatedMeter meter;
    final RecordingMeterLink link;
    final RunningMyHome myHome;
    final ApiClient household;
    final Provider watttA;
    final Provider solarB;
    final RunningDevice device;

    ConsentSystem(Path data, int mwm, Duration meterPace, Map<String, String> deviceProperties) throws Exception {
        this(data, mwm, meterPace, deviceProperties, Map.of());
    }

    /**
     * @param deviceProperties   e.g. {@code device.batch.size}, over {@link RunningDevice}'s test properties
     * @param providerProperties e.g. {@code provider.follow-delay}, over {@link RunningProvider}'s
     */
    ConsentSystem(Path data, int mwm, Duration meterPace, Map<String, String> deviceProperties,
            Map<String, String> providerProperties) throws Exception {
        this(data, mwm, meterPace, Clock.systemUTC(), deviceProperties, providerProperties);
    }

    /** @param meterClock the meter's own clock (the time its telegrams say), e.g. one that runs faster */
    ConsentSystem(Path data, int mwm, Duration meterPace, Clock meterClock, Map<String, String> deviceProperties,
            Map<String, String> providerProperties) throws Exception {
        try {
            node = started(RunningNode.start(data.resolve("node"), mwm));
            try (InputStream capture = SimulatedMeter.class.getResourceAsStream("/demo/iskra-am550-2019-03-24.telegrams")) {
                meter = started(SimulatedMeter.start(MeterTelegrams.load(capture), 0, meterPace, meterClock));
            }
            link = started(new RecordingMeterLink(meter.port()));
            // a device ignores a claim made with a wrong code: My Home stops waiting for its challenge after 30 s
            myHome = started(RunningMyHome.start(data.resolve("myhome"), "http://127.0.0.1:" + node.port, mwm,
                    RunningNode.freePort(), Map.of("myhome.pairing-challenge-wait-seconds", "30",
                    "myhome.own-data", "true")));
            household = new ApiClient(myHome.baseUrl(), myHome.token());
            watttA = provider("Wattt Insights", data.resolve("provider-a"), mwm, providerProperties);
            solarB = provider("Solar Coach", data.resolve("provider-b"), mwm, providerProperties);
            device = started(RunningDevice.start(data.resolve("device"), node.port, mwm, "tcp:127.0.0.1:" + link.port(), deviceProperties));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private Provider provider(String name, Path data, int mwm, Map<String, String> extra) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("provider.name", name);
        properties.put("provider.myhome-url", myHome.baseUrl());
        properties.putAll(extra);
        RunningProvider running = started(RunningProvider.start(data, node.port, mwm, properties));
        return new Provider(name, running, new ApiClient(running.baseUrl(), running.token));
    }

    private <T extends AutoCloseable> T started(T part) {
        started.push(part);
        return part;
    }

    /** POST /api/devices, then polls the pairing until it ends; answers the final Pairing. */
    JsonNode pair(String code, String name) throws Exception {
        ApiClient.Answer started = household.post("/api/devices", Map.of("address", device.address, "pairingCode", code, "name", name));
        assertThat(started.status()).as("POST /api/devices: %s", started.json()).isEqualTo(202);
        String location = started.json().path("location").asText();
        JsonNode[] pairing = new JsonNode[1];
        await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).until(() -> {
            pairing[0] = household.ok(location);
            return !pairing[0].path("state").asText().equals("running");
        });
        return pairing[0];
    }

    /** The provider creates a consent request; the household grants it for the device over My Home's API. */
    Grant grant(Provider provider) throws Exception {
        return grant(provider, request(provider));
    }

    /** The provider creates a consent request over its API: {@code {id, myHomeUrl}}. */
    JsonNode request(Provider provider) throws Exception {
        return request(provider, Map.of());
    }

    /** A consent request with a body, e.g. {@code resolution}, {@code categories}, {@code duration}. */
    JsonNode request(Provider provider, Map<String, String> body) throws Exception {
        ApiClient.Answer request = provider.api().post("/api/consent-requests", body);
        assertThat(request.status()).as("POST /api/consent-requests: %s", request.json()).isEqualTo(201);
        return request.json();
    }

    /** The household grants a consent request for the device over My Home's API, as the consent page does. */
    Grant grant(Provider provider, JsonNode request) throws Exception {
        return grant(provider, request, Map.of());
    }

    /** As the consent page grants, with the household's choices ({@code grantResolution}, ...) added. */
    Grant grant(Provider provider, JsonNode request, Map<String, String> choices) throws Exception {
        Map<String, String> link = consentLink(request.path("myHomeUrl").asText());
        assertThat(link).containsKeys("requestId", "inbox", "publicKey", "goal", "returnUrl", "grantSecret");
        Map<String, String> body = new LinkedHashMap<>(link);
        body.putAll(choices);
        body.put("device", device.address);
        ApiClient.Answer granted = household.post("/api/policies", body);
        assertThat(granted.status()).as("POST /api/policies: %s", granted.json()).isEqualTo(201);
        return new Grant(provider, request.path("id").asText(), granted.json().path("policyId").asText(), link.get("inbox"),
                link.get("grantSecret"));
    }

    /** The parameters of a consent link, from its query and (as the consent page reads them) its fragment. */
    static Map<String, String> consentLink(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        URI uri = URI.create(url);
        String all = uri.getRawQuery() + (uri.getRawFragment() == null ? "" : "&" + uri.getRawFragment());
        for (String pair : all.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("stopping: " + e);
            }
        }
    }
}
