package org.p1iota.app.myhome;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.DeviceAdded;
import org.p1iota.app.consent.message.DeviceDeleted;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.app.web.SecurityHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The myhome role over its HTTP API against the embedded node (MWM 3), with the device simulated on
 * real iota:/iota-mam: endpoints and a provider's metadata on a real Jetty. The steps build on each
 * other, as a household's afternoon would: pair (wrong code, then right), consent, refuse a forged
 * link, revoke, restart, delete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MyHomeRoleTest {

    private static final int MWM = 3;

    @TempDir
    static Path temp;
    static RunningNode node;
    static RunningMyHome myHome;
    static SimulatedDevice device;
    static ProviderSite provider;
    static MyHomeClient browser;
    static String grantedPolicy;
    static String keptPolicy;

    @BeforeAll
    static void start() throws Exception {
        node = RunningNode.start(temp.resolve("node"), MWM);
        // a device ignores a claim made with a wrong code: My Home gives up waiting for its challenge after 25 s
        myHome = RunningMyHome.start(temp.resolve("myhome"), "http://127.0.0.1:" + node.port, MWM, RunningNode.freePort(),
                Map.of("myhome.pairing-challenge-wait-seconds", "25"));
        device = new SimulatedDevice(temp.resolve("device"), node.port, MWM);
        provider = new ProviderSite();
        browser = new MyHomeClient(myHome.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable running : new AutoCloseable[] {provider, device, myHome, node}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    @Order(1)
    void withoutSessionOrTokenEveryApiAnswers401AndPagesGoToTheLogin() throws Exception {
        MyHomeClient stranger = new MyHomeClient(myHome.baseUrl());
        assertThat(stranger.get("/api/devices").status()).isEqualTo(401);
        assertThat(stranger.get("/api/policies").status()).isEqualTo(401);
        assertThat(stranger.get("/api/events").status()).isEqualTo(401);
        assertThat(stranger.post("/api/devices", Map.of()).status()).isEqualTo(401);
        assertThat(new MyHomeClient(myHome.baseUrl()).withBearer("not-the-token").get("/api/devices").status()).isEqualTo(401);
        MyHomeClient.Answer page = stranger.get("/");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login.html"));
        assertThat(stranger.login("wrong").status()).isEqualTo(401);
        assertThat(Files.getPosixFilePermissions(myHome.tokenFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    @Order(2)
    void aSessionLogsInAndStateChangesWithoutTheCsrfTokenAre403() throws Exception {
        MyHomeClient.Answer login = browser.login(myHome.token());
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.raw().headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("HttpOnly", "SameSite=Strict"));

        MyHomeClient.Answer noCsrf = browser.send("POST", "/api/devices", "{\"address\":\"" + device.address
                + "\",\"pairingCode\":\"" + device.code.formatted() + "\",\"name\":\"x\"}", false);
        assertThat(noCsrf.status()).isEqualTo(403);
        assertThat(noCsrf.error()).isEqualTo("csrf_token_missing");
        assertThat(browser.send("DELETE", "/api/policies/pol_whatever1", null, false).status()).isEqualTo(403);

        MyHomeClient.Answer devices = browser.get("/api/devices");
        assertThat(devices.status()).isEqualTo(200);
        assertThat(devices.json()).isEmpty();
        // security headers, and nothing of the request (cookie) echoed back
        assertThat(devices.raw().headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(devices.raw().headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(devices.raw().headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("cookie") || h.equalsIgnoreCase("authorization"));
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void aWrongPairingCodeGetsNoChallengeAndShowsTheSteps() throws Exception {
        String wrong = org.p1iota.app.consent.secrets.PairingCode.generate(new java.security.SecureRandom()).formatted();
        JsonNode pairing = pair(wrong, "Meter in the hallway");

        // the device cannot open a claim made with another code and stays silent (pairing protocol v2)
        assertThat(pairing.path("state").asText()).isEqualTo("failed");
        assertThat(pairing.path("error").path("error").asText()).isEqualTo("device_not_answering");
        assertThat(pairing.path("error").path("message").asText()).contains("wrong pairing code");
        assertThat(stepStates(pairing)).containsExactly("claim_sent=done", "challenge_received=failed", "answer_sent=pending",
                "result_received=pending", "device_added=pending");
        assertThat(browser.get("/api/devices").json()).isEmpty();
    }

    @Test
    @Order(4)
    void theRightCodePairsTheDeviceAndPublishesDeviceAdded() throws Exception {
        JsonNode pairing = pair(device.code.formatted(), "Meter in the hallway");

        assertThat(pairing.path("state").asText()).isEqualTo("succeeded");
        assertThat(stepStates(pairing)).allMatch(s -> s.endsWith("=done")).hasSize(5);
        assertThat(pairing.path("device").path("address").asText()).isEqualTo(device.address);
        JsonNode devices = browser.get("/api/devices").json();
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).path("name").asText()).isEqualTo("Meter in the hallway");
        // the device follows My Home's channel from the root it received sealed, and sees itself added
        await().atMost(30, TimeUnit.SECONDS).until(() -> device.view.member());
        assertThat(device.events.get(0)).isInstanceOfSatisfying(DeviceAdded.class, e -> assertThat(e.device()).isEqualTo(device.address));
        assertThat(pair(device.code.formatted(), "again", 409)).isNull();
    }

    @Test
    @Order(5)
    void aVerifiedProviderIsGrantedAndTheDeviceSeesAuthorized() throws Exception {
        MyHomeClient.Answer view = browser.get("/api/consent-link?" + query(provider.link("req_first01")));
        assertThat(view.status()).as(view.json().toString()).isEqualTo(200);
        assertThat(view.json().path("provider").path("name").asText()).isEqualTo("Wattt <Insights>");
        assertThat(view.json().path("provider").path("origin").asText()).isEqualTo(provider.origin);
        assertThat(view.json().path("provider").path("fingerprint").asText()).matches("([0-9a-f]{4}-){4}[0-9a-f]{4}");

        grantedPolicy = grant("req_first01");
        keptPolicy = grant("req_second2");

        await().atMost(30, TimeUnit.SECONDS).until(() -> device.view.active().size() == 2);
        assertThat(device.events).filteredOn(Authorized.class::isInstance).extracting(e -> ((Authorized) e).policyId())
                .containsExactly(grantedPolicy, keptPolicy);
        Authorized first = (Authorized) device.events.get(1);
        assertThat(first.grantSecret()).as("the device learns the grant secret from AUTHORIZED").isEqualTo(GRANT_SECRET);
        assertThat(browser.get("/api/policies").json().toString() + browser.get("/api/events").json())
                .as("My Home's API never shows it").doesNotContain(GRANT_SECRET);
        assertThat(first.provider().inbox()).isEqualTo(provider.inbox);
        assertThat(first.provider().publicKey()).isEqualTo(provider.publicKey);
        assertThat(first.provider().origin()).isEqualTo(provider.origin);
        JsonNode policies = browser.get("/api/policies").json();
        assertThat(policies).hasSize(2);
        assertThat(policies.get(0).path("provider").path("name").asText()).isEqualTo("Wattt <Insights>");
        assertThat(policies.get(0).path("device").path("name").asText()).isEqualTo("Meter in the hallway");
    }

    @Test
    @Order(6)
    void aForgedLinkIsRefusedOnTheConsentPageAndOnGrant() throws Exception {
        Map<String, String> otherInbox = provider.link("req_forged1",
                org.p1iota.app.consent.secrets.InboxAddress.of(org.p1iota.app.consent.secrets.Seed.generate(new java.security.SecureRandom())),
                provider.publicKey);
        Map<String, String> otherKey = provider.link("req_forged2", provider.inbox, ProviderSite.randomKey());

        assertThat(browser.get("/api/consent-link?" + query(otherInbox)).error()).isEqualTo("provider_address_mismatch");
        assertThat(browser.get("/api/consent-link?" + query(otherKey)).error()).isEqualTo("provider_key_mismatch");
        Map<String, String> grant = new LinkedHashMap<>(otherKey);
        grant.put("device", device.address);
        MyHomeClient.Answer refused = browser.post("/api/policies", grant);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("provider_key_mismatch");
        assertThat(browser.get("/api/policies").json()).hasSize(2);

        MyHomeClient.Answer denied = browser.post("/api/consent-link/deny", provider.link("req_denied1"));
        assertThat(denied.status()).isEqualTo(200);
        assertThat(denied.json().path("redirect").asText()).startsWith(provider.origin + "/").contains("consent=denied");
        assertThat(browser.post("/api/consent-link/deny", otherKey).error()).isEqualTo("provider_key_mismatch");
    }

    @Test
    @Order(7)
    void revokingPublishesAuthorizationRevoked() throws Exception {
        MyHomeClient.Answer revoked = browser.delete("/api/policies/" + grantedPolicy);
        assertThat(revoked.status()).as(revoked.json().toString()).isEqualTo(200);
        assertThat(revoked.json().path("id").asText()).isEqualTo(grantedPolicy);
        assertThat(browser.delete("/api/policies/" + grantedPolicy).error()).isEqualTo("already_revoked");

        await().atMost(30, TimeUnit.SECONDS).until(() -> device.view.active().keySet().equals(java.util.Set.of(keptPolicy)));
        assertThat(device.events.get(3)).isInstanceOf(AuthorizationRevoked.class);
        JsonNode events = browser.get("/api/events").json();
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZED", "AUTHORIZATION_REVOKED");
        assertThat(events.get(1).path("summary").asText()).isEqualTo(
                "Wattt <Insights> (" + provider.origin + ") may read Meter in the hallway: Show your energy use per day");
    }

    @Test
    @Order(8)
    void aRestartAndASecondMyHomeWithTheSameSeedFoldTheSameStateFromTheChannel() throws Exception {
        String devicesBefore = browser.withBearer(myHome.token()).get("/api/devices").json().toString();
        String policiesBefore = browser.get("/api/policies").json().toString();
        Path data = myHome.data;
        myHome.close();
        myHome = RunningMyHome.start(data, "http://127.0.0.1:" + node.port, MWM, RunningNode.freePort(),
                Map.of("myhome.pairing-timeout-seconds", "3"));
        browser = new MyHomeClient(myHome.baseUrl()).withBearer(myHome.token());
        assertThat(browser.get("/api/devices").json().toString()).isEqualTo(devicesBefore);
        assertThat(browser.get("/api/policies").json().toString()).isEqualTo(policiesBefore);

        Path secondData = temp.resolve("second-myhome");
        Files.createDirectories(secondData, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.copy(data.resolve(SecretStore.SEED), secondData.resolve(SecretStore.SEED), StandardCopyOption.COPY_ATTRIBUTES);
        try (RunningMyHome second = RunningMyHome.start(secondData, node.port, MWM)) {
            MyHomeClient secondClient = new MyHomeClient(second.baseUrl()).withBearer(second.token());
            assertThat(secondClient.get("/api/devices").json().toString()).isEqualTo(devicesBefore);
            assertThat(secondClient.get("/api/policies").json().toString()).isEqualTo(policiesBefore);
            assertThat(secondClient.get("/api/events").json()).hasSize(4);
        }

        // a node that pruned the channel (here: a node that never held it) after a restart: My Home's own copy
        // of its events keeps the household's devices and policies
        try (RunningNode pruned = RunningNode.start(temp.resolve("pruned-node"), MWM)) {
            myHome.close();
            myHome = RunningMyHome.start(data, "http://127.0.0.1:" + pruned.port, MWM, RunningNode.freePort(),
                    Map.of("myhome.pairing-timeout-seconds", "3"));
            MyHomeClient onPruned = new MyHomeClient(myHome.baseUrl()).withBearer(myHome.token());
            assertThat(onPruned.get("/api/devices").json().toString()).isEqualTo(devicesBefore);
            assertThat(onPruned.get("/api/policies").json().toString()).isEqualTo(policiesBefore);
            assertThat(onPruned.get("/api/events").json()).hasSize(4);
        } finally {
            myHome.close();
            myHome = RunningMyHome.start(data, "http://127.0.0.1:" + node.port, MWM, RunningNode.freePort(),
                    Map.of("myhome.pairing-timeout-seconds", "3"));
            browser = new MyHomeClient(myHome.baseUrl()).withBearer(myHome.token());
        }
    }

    @Test
    @Order(9)
    void aDeviceThatDoesNotAnswerEndsThePairingAsNotAnswering() throws Exception {
        String silent = org.p1iota.app.consent.secrets.InboxAddress.of(
                org.p1iota.app.consent.secrets.Seed.generate(new java.security.SecureRandom()));
        MyHomeClient.Answer started = browser.post("/api/devices",
                Map.of("address", silent, "pairingCode", device.code.formatted(), "name", "Nobody home"));
        assertThat(started.status()).isEqualTo(202);
        JsonNode pairing = follow(started.json().path("pairingId").asText());
        assertThat(pairing.path("error").path("error").asText()).isEqualTo("device_not_answering");
        assertThat(pairing.path("error").path("message").asText()).contains("did not answer");
    }

    @Test
    @Order(10)
    void deletingTheDeviceEndsItsPoliciesAndPublishesDeviceDeleted() throws Exception {
        MyHomeClient.Answer deleted = browser.delete("/api/devices/" + device.address);
        assertThat(deleted.status()).as(deleted.json().toString()).isEqualTo(200);
        assertThat(deleted.json().path("revokedPolicies").asInt()).isEqualTo(1);

        await().atMost(30, TimeUnit.SECONDS).until(() -> !device.view.member());
        assertThat(device.events.get(device.events.size() - 1)).isInstanceOf(DeviceDeleted.class);
        assertThat(device.view.active()).isEmpty();
        assertThat(browser.get("/api/devices").json()).isEmpty();
        assertThat(browser.get("/api/policies").json()).isEmpty();
        assertThat(browser.delete("/api/devices/" + device.address).error()).isEqualTo("unknown_device");
    }

    private static JsonNode pair(String code, String name) throws Exception {
        return pair(code, name, 202);
    }

    private static JsonNode pair(String code, String name, int expectedStatus) throws Exception {
        MyHomeClient.Answer started = browser.post("/api/devices", Map.of("address", device.address, "pairingCode", code, "name", name));
        assertThat(started.status()).as(started.json().toString()).isEqualTo(expectedStatus);
        if (expectedStatus != 202) {
            return null;
        }
        return follow(started.json().path("pairingId").asText());
    }

    /** Polls the pairing as the page does, until it ends. */
    private static JsonNode follow(String pairingId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(60, TimeUnit.SECONDS).pollInterval(200, TimeUnit.MILLISECONDS).until(() -> {
            last[0] = browser.get("/api/pairings/" + pairingId).json();
            return !last[0].path("state").asText().equals("running");
        });
        return last[0];
    }

    private static List<String> stepStates(JsonNode pairing) {
        List<String> states = new java.util.ArrayList<>();
        pairing.path("steps").forEach(s -> states.add(s.path("key").asText() + "=" + s.path("state").asText()));
        return states;
    }

    private static String grant(String requestId) throws Exception {
        Map<String, String> grant = new LinkedHashMap<>(provider.link(requestId));
        grant.put("device", device.address);
        // without the link's grant secret nothing is granted: the device could not prove its delivery
        MyHomeClient.Answer withoutSecret = browser.post("/api/policies", grant);
        assertThat(withoutSecret.status()).as(withoutSecret.json().toString()).isEqualTo(400);
        assertThat(withoutSecret.json().toString()).contains("grant secret");
        grant.put("grantSecret", GRANT_SECRET);
        MyHomeClient.Answer granted = browser.post("/api/policies", grant);
        assertThat(granted.status()).as(granted.json().toString()).isEqualTo(201);
        assertThat(granted.json().path("redirect").asText()).startsWith(provider.origin + "/?from=myhome&")
                .contains("consent=granted");
        return granted.json().path("policyId").asText();
    }

    static final String GRANT_SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
