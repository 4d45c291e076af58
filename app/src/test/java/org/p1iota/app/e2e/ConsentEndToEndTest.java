package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.delivery.ProviderKeys;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamParser;

/**
 * Issue 5's "Must show", with every role real and running in this JVM on the embedded node (MWM 3),
 * driven over the HTTP APIs as a household and two providers would: pair with a wrong code (fails,
 * nothing changes) and the right one; grant two providers; both serve exactly what the meter sent;
 * revoke one: it stores nothing new and its key opens nothing published after the rotation (checked on
 * the payloads on the node), while the other's key opens them and it keeps receiving; the revoked
 * provider asks again and is granted again; delete the device: all are cut off.
 */
class ConsentEndToEndTest {

    static final int MWM = 3;

    @TempDir
    Path data;

    @Test
    void pairGrantTwoRevokeOneDeleteTheDevice() throws Exception {
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000),
                Map.of("device.batch.size", "2", "device.batch.max-wait", "1500"))) {
            ApiClient home = system.household;

            // pairing with a wrong code fails and changes nothing: the device cannot open the claim and stays silent
            JsonNode wrong = system.pair(PairingCode.generate(new SecureRandom()).formatted(), "Meter cupboard");
            assertThat(wrong.path("state").asText()).isEqualTo("failed");
            assertThat(wrong.path("error").path("error").asText()).isEqualTo("device_not_answering");
            assertThat(wrong.path("error").path("message").asText()).contains("wrong pairing code");
            assertThat(home.ok("/api/devices")).isEmpty();
            assertThat(home.ok("/api/events")).isEmpty();
            assertThat(system.device.state().home()).isEmpty();

            JsonNode right = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");
            assertThat(right.path("state").asText()).as("pairing %s", right).isEqualTo("succeeded");
            assertThat(home.ok("/api/devices")).singleElement()
                    .satisfies(d -> assertThat(d.path("address").asText()).isEqualTo(system.device.address));

            // two providers ask, the household grants both
            ConsentSystem.Grant a = system.grant(system.watttA);
            ConsentSystem.Grant b = system.grant(system.solarB);
            assertThat(home.ok("/api/policies")).hasSize(2);
            LiveStream bLive = new LiveStream(system.solarB.running().baseUrl(), system.solarB.running().token, b.household());
            assertThat(eventTypes(home)).containsExactly("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZED");
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                    .until(() -> a.readings().size() >= 4 && b.readings().size() >= 4);
            assertReadingsAreWhatTheMeterSent(a.readings(), system.link);
            assertReadingsAreWhatTheMeterSent(b.readings(), system.link);

            // revoke A
            ApiClient.Answer revoked = home.delete("/api/policies/" + a.policyId());
            assertThat(revoked.status()).as("revoke: %s", revoked.json()).isEqualTo(200);
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                    .until(() -> a.status().path("state").asText().equals("revoked"));
            JsonNode aReadings = a.readings();
            int bAtRevocation = b.readings().size();
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                    .until(() -> b.readings().size() >= bAtRevocation + 6);
            assertThat(b.status().path("state").asText()).isEqualTo("receiving");
            assertThat(a.readings()).as("A stores nothing after its revocation").isEqualTo(aReadings);
            assertReadingsAreWhatTheMeterSent(b.readings(), system.link);

            // on the node: A holds exactly what preceded the rotation; nothing after it opens with A's key, all of it with B's
            DataChannelWalk walk = new DataChannelWalk(system.node.port);
            ProviderKeys aKeys = a.keys(1);
            ProviderKeys bKeys = b.keys(1);
            ChannelKeys aStart = walk.deliveredKeys(a.inbox(), aKeys);
            DataChannelWalk.Followed aFollowed = walk.follow(aStart, aKeys, a.policyId());
            assertThat(timestamps(aReadings)).as("A's readings are the telegrams before the rotation")
                    .containsExactlyElementsOf(telegramTimes(aFollowed.telegrams()));
            assertThat(bKeys.open(aFollowed.cutOff(), b.policyId())).as("the rotation carries B's new key").isPresent();
            String bKey = bKeys.open(aFollowed.cutOff(), b.policyId()).orElseThrow().sideKey();
            String root = aFollowed.rootAfterCutOff();
            int dataAfterRotation = 0;
            while (dataAfterRotation < 3) {
                List<String> payloads = walk.payloadsAt(root);
                assertThat(payloads).as("published after the rotation at %s", root).isNotEmpty();
                for (String payload : payloads) {
                    String at = root;
                    assertThatThrownBy(() -> MamParser.parse(payload, at, aFollowed.lastSideKey()))
                            .as("A's last side key opens nothing after the rotation").isInstanceOf(MamException.class);
                }
                DataChannelWalk.Step step = walk.read(root, bKey).orElseThrow(() -> new AssertionError("B's key opens nothing"));
                if (step.message() instanceof Data) {
                    dataAfterRotation++;
                }
                root = step.nextRoot();
            }

            // A asks again and is granted again: a new household at A, on the channel's current key
            ConsentSystem.Grant again = system.grant(system.watttA);
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() -> again.readings().size() >= 4);
            assertReadingsAreWhatTheMeterSent(again.readings(), system.link);
            assertThat(a.readings()).as("the revoked household stays revoked").isEqualTo(aReadings);

            // delete the device: all are cut off
            int sentBeforeDeletion = system.link.count();
            ApiClient.Answer deleted = home.delete("/api/devices/" + system.device.address);
            assertThat(deleted.status()).as("delete: %s", deleted.json()).isEqualTo(200);
            assertThat(deleted.json().path("revokedPolicies").asInt()).isEqualTo(2);
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                    .until(() -> b.status().path("state").asText().equals("revoked")
                            && again.status().path("state").asText().equals("revoked"));
            JsonNode againReadings = again.readings();
            DataChannelWalk.Followed againFollowed = walk.follow(walk.deliveredKeys(again.inbox(), again.keys(2)), again.keys(2),
                    again.policyId());
            assertThat(timestamps(againReadings)).containsExactlyElementsOf(telegramTimes(againFollowed.telegrams()));
            JsonNode bReadings = b.readings();
            ChannelKeys bStart = walk.deliveredKeys(b.inbox(), bKeys);
            DataChannelWalk.Followed bFollowed = walk.follow(bStart, bKeys, b.policyId());
            assertThat(timestamps(bReadings)).as("B's readings are the telegrams before the device was deleted")
                    .containsExactlyElementsOf(telegramTimes(bFollowed.telegrams()));
            // the device goes on publishing under a key nobody holds
            await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                    .until(() -> !walk.payloadsAt(bFollowed.rootAfterCutOff()).isEmpty() && system.link.count() >= sentBeforeDeletion + 6);
            for (String payload : walk.payloadsAt(bFollowed.rootAfterCutOff())) {
                for (String key : List.of(bFollowed.lastSideKey(), aFollowed.lastSideKey(), againFollowed.lastSideKey())) {
                    assertThatThrownBy(() -> MamParser.parse(payload, bFollowed.rootAfterCutOff(), key)).isInstanceOf(MamException.class);
                }
            }
            assertThat(b.readings()).as("B stores nothing after the deletion").isEqualTo(bReadings);
            assertThat(a.readings()).isEqualTo(aReadings);
            assertThat(again.readings()).isEqualTo(againReadings);
            assertThat(b.status().path("state").asText()).isEqualTo("revoked");
            assertThat(home.ok("/api/devices")).isEmpty();
            assertThat(home.ok("/api/policies")).isEmpty();
            // B's live view showed the same readings as they came, then that it was revoked
            await().atMost(10, TimeUnit.SECONDS).until(() -> bLive.events("status").stream()
                    .anyMatch(e -> e.data().path("state").asText().equals("revoked")));
            bLive.close();
            assertThat(bLive.events("status")).map(e -> e.data().path("state").asText()).endsWith("revoked")
                    .doesNotHaveDuplicates();
            List<JsonNode> streamed = bLive.events("reading").stream().map(LiveStream.Event::data).toList();
            assertThat(streamed).hasSizeGreaterThanOrEqualTo(6);
            List<JsonNode> stored = new ArrayList<>();
            bReadings.forEach(stored::add);
            assertThat(stored).as("the stream showed what the API serves, in order").endsWith(streamed.toArray(JsonNode[]::new));
            assertThat(eventTypes(home)).startsWith("DEVICE_ADDED", "AUTHORIZED", "AUTHORIZED", "AUTHORIZATION_REVOKED", "AUTHORIZED")
                    .endsWith("DEVICE_DELETED");
        }
    }

    /** The audit trail's event types, oldest first. */
    static List<String> eventTypes(ApiClient home) throws Exception {
        List<String> types = new ArrayList<>();
        home.ok("/api/events").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    /**
     * Every reading is a telegram the meter sent, with the meter's values, and together they are an
     * unbroken run of what it sent (nothing missing in between, nothing twice).
     */
    static void assertReadingsAreWhatTheMeterSent(JsonNode readings, RecordingMeterLink link) {
        Map<Instant, MeterValues> sent = new HashMap<>();
        List<Instant> order = new ArrayList<>();
        for (RecordingMeterLink.Sent telegram : link.sent()) {
            MeterValues values = telegram.values();
            sent.put(values.timestamp(), values);
            order.add(values.timestamp());
        }
        List<Instant> times = timestamps(readings);
        assertThat(times).isNotEmpty();
        for (JsonNode reading : readings) {
            MeterValues expected = sent.get(Instant.parse(reading.path("timestamp").asText()));
            assertThat(expected).as("the meter sent a telegram at %s", reading.path("timestamp")).isNotNull();
            assertThat(expected.matches(reading)).as("reading %s equals what the meter sent: %s", reading, expected).isTrue();
        }
        int first = order.indexOf(times.get(0));
        assertThat(times).as("an unbroken run of the meter's telegrams").containsExactlyElementsOf(order.subList(first, first + times.size()));
    }

    static List<Instant> timestamps(JsonNode readings) {
        List<Instant> times = new ArrayList<>();
        readings.forEach(r -> times.add(Instant.parse(r.path("timestamp").asText())));
        return times;
    }

    static List<Instant> telegramTimes(List<Telegram> telegrams) {
        return telegrams.stream().map(t -> MeterValues.of(t.raw()).timestamp()).toList();
    }
}
