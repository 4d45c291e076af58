package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.device.PairingInbox;
import org.p1iota.app.testing.RunningDevice;
import org.p1iota.app.testing.RunningMyHome;
import org.p1iota.app.testing.RunningNode;

/**
 * Issue 12, findings 2 and 3: attacks on pairing by someone who only has the node's public API
 * ({@link TangleAttacker}), against the real device and My Home roles on the embedded node, while the
 * household pairs through My Home's HTTP API. Each attack runs, then the genuine pairing must succeed:
 * forged CHALLENGEs and NOK CLAIM_RESULTs echoed for every claim, a flood of foreign claims before
 * and during the pairing, and replays of the genuine pairing's messages afterwards.
 */
class PairingAttackTest {

    static final int MWM = 3;

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

    /** My Home and a device (polling its inbox every 2 s, the attacker every 0.1 s); the household's API client. */
    private record Household(RunningMyHome myHome, RunningDevice device, ApiClient api) implements AutoCloseable {
        PairingInbox deviceInbox() {
            return device.running().beans().get("pairingInbox", PairingInbox.class);
        }

        @Override
        public void close() throws Exception {
            try {
                device.close();
            } finally {
                myHome.close();
            }
        }
    }

    private static Household household(String name) throws Exception {
        RunningMyHome myHome = RunningMyHome.start(data.resolve(name + "-myhome"), "http://127.0.0.1:" + node.port, MWM,
                RunningNode.freePort(), Map.of("myhome.pairing-timeout-seconds", "60"));
        try {
            RunningDevice device = RunningDevice.start(data.resolve(name + "-device"), node.port, MWM,
                    "file:" + capture() + "?pace=1000", Map.of("device.inbox.poll-delay", "2000"));
            return new Household(myHome, device, new ApiClient(myHome.baseUrl(), myHome.token()));
        } catch (Exception | Error e) {
            myHome.close();
            throw e;
        }
    }

    /** The household pairs through My Home's API: POST /api/devices, then GET the pairing until it ends. */
    private static JsonNode pair(Household home) throws Exception {
        ApiClient.Answer started = home.api().post("/api/devices", Map.of("address", home.device().address,
                "pairingCode", home.device().pairingCode.formatted(), "name", "Meter cupboard"));
        assertThat(started.status()).as("POST /api/devices: %s", started.json()).isEqualTo(202);
        String location = started.json().path("location").asText();
        JsonNode[] pairing = new JsonNode[1];
        await().atMost(150, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(250)).until(() -> {
            pairing[0] = home.api().ok(location);
            return !pairing[0].path("state").asText().equals("running");
        });
        return pairing[0];
    }

    private static void assertPaired(Household home, JsonNode pairing) throws Exception {
        assertThat(pairing.path("state").asText()).as("the household's pairing: %s", pairing).isEqualTo("succeeded");
        assertThat(home.device().state().home()).as("the device follows My Home's event channel")
                .hasValueSatisfying(h -> assertThat(h.eventChannelRoot()).isEqualTo(home.myHome().identity().eventRoot()));
        JsonNode devices = home.api().ok("/api/devices");
        assertThat(devices).as("My Home's devices").hasSize(1);
        assertThat(devices.get(0).path("address").asText()).isEqualTo(home.device().address);
    }

    @Test
    void forgedChallengesAndResultsForEveryClaimDoNotBreakPairing() throws Exception {
        try (Household home = household("forged"); TangleAttacker attacker = new TangleAttacker(node.port, MWM)) {
            String myHomeInbox = home.myHome().identity().inbox(); // public: assume the attacker knows it
            attacker.watch(home.device().address, message -> {
                if (message == null || !message.has("type")) {
                    return;
                }
                try {
                    String type = message.path("type").asText();
                    String replyTo = message.has("replyTo") ? message.path("replyTo").asText() : myHomeInbox;
                    if (type.equals("CLAIM_DEVICE")) {
                        attacker.send(replyTo, forgedChallenge(attacker, message).toString());
                        attacker.send(replyTo, attacker.scramble(message, "CHALLENGE").toString());
                        attacker.send(replyTo, TangleAttacker.relabel(message, "CHALLENGE").toString());
                    } else if (type.equals("ANSWER_CHALLENGE")) {
                        attacker.send(myHomeInbox, forgedNok(message).toString());
                        attacker.send(myHomeInbox, attacker.scramble(message, "CLAIM_RESULT").toString());
                        attacker.send(myHomeInbox, TangleAttacker.relabel(message, "CLAIM_RESULT").toString());
                    }
                } catch (Exception e) {
                    System.err.println("attacker could not send: " + e);
                }
            });

            JsonNode pairing = pair(home);

            assertPaired(home, pairing);
            assertThat(attacker.sent()).as("forgeries the attacker wrote").isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void aFloodOfForeignClaimsBeforeAndDuringPairingDoesNotBlockIt() throws Exception {
        try (Household home = household("flood"); TangleAttacker attacker = new TangleAttacker(node.port, MWM)) {
            String device = home.device().address;
            // the genuine claim's shape as the attacker would see it: every pairing claim on the tangle
            ObjectNode template = sampleClaim(attacker, device);
            int before = 12;
            for (int i = 0; i < before; i++) {
                attacker.send(device, foreignClaimV1(attacker, device).toString());
                attacker.send(device, attacker.scramble(template, "CLAIM_DEVICE").toString());
            }
            await().atMost(60, TimeUnit.SECONDS).until(() -> home.deviceInbox().handledMessages() >= 2L * before);

            AtomicBoolean pairing = new AtomicBoolean(true);
            Thread during = new Thread(() -> {
                for (int i = 0; i < 10 && pairing.get(); i++) {
                    try {
                        attacker.send(device, foreignClaimV1(attacker, device).toString());
                        attacker.send(device, attacker.scramble(template, "CLAIM_DEVICE").toString());
                        Thread.sleep(300);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            during.start();
            JsonNode result;
            try {
                result = pair(home);
            } finally {
                pairing.set(false);
                during.join(30_000);
            }
            assertPaired(home, result);
            assertThat(home.deviceInbox().unopenedMessages()).as("foreign v2 claims the device opened in vain")
                    .isGreaterThanOrEqualTo(before);
            assertThat(home.deviceInbox().throttledClaims()).as("claims the rate limit dropped").isZero();
        }
    }

    @Test
    void replaysOfTheGenuinePairingAfterTheFactChangeAndRepeatNothing() throws Exception {
        try (Household home = household("replay"); TangleAttacker attacker = new TangleAttacker(node.port, MWM)) {
            JsonNode pairing = pair(home);
            assertPaired(home, pairing);
            String myHomeInbox = home.myHome().identity().inbox();
            List<String> toDevice = attacker.messagesAt(home.device().address);
            List<String> toMyHome = attacker.messagesAt(myHomeInbox);
            assertThat(toDevice).as("the genuine claim and answer").hasSize(2);
            assertThat(toMyHome).as("the genuine challenge and result").hasSize(2);
            PairingInbox inbox = home.deviceInbox();
            long handled = inbox.handledMessages();
            long replies = inbox.repliesSent();

            for (int round = 0; round < 2; round++) {
                // a bundle's hash covers its timestamp in seconds, not its tag: the same message sent again
                // within the second is the same bundle, read once; a replay a second later is a new one
                Thread.sleep(1100);
                for (String message : toDevice) {
                    attacker.send(home.device().address, message);
                }
                for (String message : toMyHome) {
                    attacker.send(myHomeInbox, message);
                }
            }
            await().atMost(60, TimeUnit.SECONDS).until(() -> inbox.handledMessages() >= handled + 2L * toDevice.size());

            assertThat(inbox.repliesSent()).as("replies the device sent to replayed claims and answers").isEqualTo(replies);
            Thread.sleep(3000); // My Home polls its inbox every 250 ms: the replays there have been read
            assertThat(attacker.messagesAt(myHomeInbox)).as("My Home's inbox: the genuine messages and the replays only")
                    .hasSize(toMyHome.size() * 3);
            assertThat(home.api().ok("/api/pairings/" + pairing.path("id").asText()).path("state").asText()).isEqualTo("succeeded");
            assertPaired(home, pairing);
            JsonNode events = home.api().ok("/api/events");
            assertThat(events.findValuesAsText("type")).as("My Home's event channel").containsExactly("DEVICE_ADDED");
        }
    }

    private static ObjectNode forgedChallenge(TangleAttacker attacker, JsonNode claim) {
        ObjectNode forged = TangleAttacker.JSON.createObjectNode();
        forged.put("type", "CHALLENGE");
        forged.put("version", claim.path("version").asInt());
        if (claim.has("claimId")) {
            forged.put("claimId", claim.path("claimId").asText());
            forged.put("device", claim.path("device").asText());
            forged.put("challenge", attacker.randomTrytes(80) + "9");
            forged.put("expiresAt", Instant.now().plusSeconds(600).toString());
        }
        return forged;
    }

    private static ObjectNode forgedNok(JsonNode answer) {
        ObjectNode forged = TangleAttacker.JSON.createObjectNode();
        forged.put("type", "CLAIM_RESULT");
        forged.put("version", answer.path("version").asInt());
        if (answer.has("claimId")) {
            forged.put("claimId", answer.path("claimId").asText());
            forged.put("device", answer.path("device").asText());
            forged.put("result", "NOK");
            forged.put("reason", "WRONG_PROOF");
        }
        return forged;
    }

    /** A claim in the first protocol's clear form: any claim id, any reply address. */
    private static ObjectNode foreignClaimV1(TangleAttacker attacker, String device) {
        ObjectNode claim = TangleAttacker.JSON.createObjectNode();
        claim.put("type", "CLAIM_DEVICE");
        claim.put("version", 1);
        claim.put("claimId", attacker.randomLike("claim-0123456789abcdefgh"));
        claim.put("device", device);
        claim.put("replyTo", attacker.randomTrytes(81));
        return claim;
    }

    /** A real claim from another household (another code, another device) seen on the tangle: its shape. */
    private static ObjectNode sampleClaim(TangleAttacker attacker, String device) {
        ObjectNode claim = TangleAttacker.JSON.createObjectNode();
        claim.put("type", "CLAIM_DEVICE");
        claim.put("version", 2);
        claim.put("sealed", attacker.randomLike("x".repeat(240)));
        return claim;
    }

    static Path capture() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path corpus = dir.resolve("../shared/corpus").normalize();
            if (Files.isDirectory(corpus)) {
                return corpus.resolve("dsmr/streams/basjes-ttyusb0-raw.crlf.txt");
            }
        }
        throw new IllegalStateException("no ../shared/corpus above " + Path.of("").toAbsolutePath());
    }
}
