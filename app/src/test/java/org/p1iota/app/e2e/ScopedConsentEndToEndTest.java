package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.Readings;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMessage;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.tangle.TryteCodec;

/**
 * Issue 15's "Must show" on the embedded node (MWM 3), every role real, asserting on what the keys open
 * on the node. The meter sends a telegram a second; its clock is 10 minutes behind until both grants
 * are made, so it still sends telegrams measured before them afterwards, then runs 20 times faster
 * (its telegrams 20 s apart), so that the test sees quarter-hours within a minute. Provider A asks for 15-minute electricity and gas, the household
 * narrows it to electricity only (and cannot widen it); provider B gets every telegram with everything
 * for 2 minutes. A's keys open READINGS of its scope only, no DATA, no gas, no equipment id; its values
 * are the meter's registers at the quarter-hour boundaries; B's open the raw telegrams, with gas and
 * ids, until its end, after which its last key opens nothing; nobody reads anything measured before its
 * grant; no provider's key or delivery opens anything on My Home's event channel.
 */
class ScopedConsentEndToEndTest {

    static final int MWM = 3;
    static final int SPEED = 20;

    @TempDir
    Path data;

    /**
     * The meter's clock: {@code behind} the wall clock at first, at its pace; {@link #speedUp} makes it
     * run {@code SPEED} times as fast from where it is, so it passes the wall clock
     * {@code behind / (SPEED - 1)} later, whatever the pairing and the grants took.
     */
    static final class MeterClock extends Clock {
        private volatile Instant wallAnchor = Instant.now();
        private volatile Instant meterAnchor;
        private volatile int speed = 1;

        MeterClock(Duration behind) {
            meterAnchor = wallAnchor.minus(behind);
        }

        synchronized void speedUp() {
            Instant now = Instant.now();
            meterAnchor = instant();
            wallAnchor = now;
            speed = SPEED;
        }

        @Override
        public synchronized Instant instant() {
            return meterAnchor.plus(Duration.between(wallAnchor, Instant.now()).multipliedBy(speed));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void eachProviderOpensOnlyItsScopeFromItsGrantToItsEnd() throws Exception {
        MeterClock meterClock = new MeterClock(Duration.ofMinutes(10));
        // one telegram a (wall) second, 20 meter seconds apart: quarter-hours come quickly, the load stays a meter's
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(1000), meterClock,
                Map.of("device.batch.size", "5", "device.batch.max-wait", "3000"), Map.of())) {
            ApiClient home = system.household;
            JsonNode paired = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");
            assertThat(paired.path("state").asText()).as("pairing %s", paired).isEqualTo("succeeded");

            // A asks for 15-minute electricity and gas; the household cannot widen it, and narrows it to electricity
            JsonNode aRequest = system.request(system.watttA, Map.of("resolution", "QUARTER_HOUR", "categories", "ENERGY,GAS"));
            Map<String, String> link = ConsentSystem.consentLink(aRequest.path("myHomeUrl").asText());
            assertThat(link).containsEntry("resolution", "QUARTER_HOUR").containsEntry("categories", "ENERGY,GAS");
            Map<String, String> wider = new LinkedHashMap<>(link);
            wider.put("device", system.device.address);
            wider.put("grantResolution", "TELEGRAM");
            ApiClient.Answer widened = home.post("/api/policies", wider);
            assertThat(widened.status()).as("widening: %s", widened.json()).isEqualTo(400);
            assertThat(widened.json().path("message").asText()).contains("only be narrowed");
            ConsentSystem.Grant a = system.grant(system.watttA, aRequest, Map.of("grantCategories", "ENERGY"));
            // B asks for every telegram with everything, for 2 minutes
            ConsentSystem.Grant b = system.grant(system.solarB, system.request(system.solarB, Map.of("duration", "PT2M")));
            // the meter, 10 minutes behind, still sends telegrams measured before both grants; now it catches up
            meterClock.speedUp();

            Map<String, JsonNode> policies = new LinkedHashMap<>();
            home.ok("/api/policies").forEach(p -> policies.put(p.path("id").asText(), p));
            JsonNode aPolicy = policies.get(a.policyId());
            JsonNode bPolicy = policies.get(b.policyId());
            assertThat(aPolicy.path("scope").path("resolution").asText()).isEqualTo("QUARTER_HOUR");
            assertThat(aPolicy.path("scope").path("categories")).hasSize(1);
            assertThat(aPolicy.path("scope").path("words").asText()).startsWith("every 15 minutes").doesNotContain("gas");
            assertThat(aPolicy.path("until").isNull()).isTrue();
            assertThat(bPolicy.path("scope").path("full").asBoolean()).isTrue();
            Instant aSince = Instant.parse(aPolicy.path("since").asText());
            Instant bSince = Instant.parse(bPolicy.path("since").asText());
            Instant bUntil = Instant.parse(bPolicy.path("until").asText());
            assertThat(Duration.between(bSince, bUntil)).isEqualTo(Duration.ofMinutes(2));

            // A gets its first quarter-hour, B its telegrams, then B's consent ends by itself
            await("A's first quarter-hour").atMost(240, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1))
                    .until(() -> a.readings().size() >= 1);
            await().atMost(200, TimeUnit.SECONDS).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !b.status().path("state").asText().equals("receiving")
                            && !b.status().path("state").asText().equals("waiting_for_keys"));
            assertThat(b.status().path("state").asText()).as("B's status %s (since %s, until %s)", b.status(), bSince, bUntil)
                    .isEqualTo("ended");
            await().atMost(60, TimeUnit.SECONDS).until(() -> home.ok("/api/policies").findValuesAsText("ended").contains("true"));

            DataChannelWalk walk = new DataChannelWalk(system.node.port);
            List<RecordingMeterLink.Sent> sent = system.link.sent();
            String equipmentId = field(sent.get(0).raw(), "0-0:96.1.1(");
            String gasEquipmentId = field(sent.get(0).raw(), "0-1:96.1.0(");

            // A: only READINGS of its scope, values at the boundaries, nothing before its grant
            ChannelKeys aKeys = walk.deliveredKeys(a.inbox(), a.keys(1));
            assertThat(aKeys.scope()).isEqualTo(Scope.of(Scope.Resolution.QUARTER_HOUR, Scope.Category.ENERGY));
            List<Opened> aOpened = openAll(walk, aKeys.dataRoot(), aKeys.sideKey());
            assertThat(aOpened).as("A's channel").isNotEmpty();
            for (Opened opened : aOpened) {
                assertThat(opened.message()).as("A opens READINGS only").isInstanceOf(Readings.class);
                assertThat(opened.text()).doesNotContain(equipmentId).doesNotContain(gasEquipmentId)
                        .doesNotContain("gas").doesNotContain("m3").doesNotContain("power").doesNotContain("phase")
                        .doesNotContain("equipment").doesNotContain("0-1:24.2.1");
                for (Readings.Interval record : ((Readings) opened.message()).records()) {
                    assertThat(record.startTime().toInstant()).as("measured at or after A's grant").isAfterOrEqualTo(aSince);
                    assertThat(Duration.between(record.startTime(), record.endTime())).isEqualTo(Duration.ofMinutes(15));
                    assertThat(record.startTime().getMinute() % 15).isZero();
                    assertThat(record.startTime().getSecond()).isZero();
                    assertRegisters(record.atStart(), firstAtOrAfter(sent, record.startTime().toInstant()));
                    assertRegisters(record.atEnd(), firstAtOrAfter(sent, record.endTime().toInstant()));
                    assertThat(record.gas()).isNull();
                    assertThat(record.meter()).isNull();
                    assertThat(record.power()).isNull();
                    assertThat(record.phases()).isNull();
                }
            }
            JsonNode aStored = a.readings();
            assertThat(aStored.get(0).path("energyImportKwh").decimalValue()).isEqualByComparingTo(
                    ((Readings) aOpened.get(0).message()).records().get(0).atEnd().importTariff1()
                            .add(((Readings) aOpened.get(0).message()).records().get(0).atEnd().importTariff2()));
            assertThat(aStored.get(0).path("gasM3").isNull() || aStored.get(0).path("gasM3").isMissingNode()).isTrue();

            // B: the raw telegrams, with gas and ids, from its grant to its end; then its last key opens nothing
            ChannelKeys bKeys = walk.deliveredKeys(b.inbox(), b.keys(1));
            assertThat(bKeys.until()).isEqualTo(bUntil);
            DataChannelWalk.Followed bFollowed = walk.follow(bKeys, b.keys(1), b.policyId());
            assertThat(bFollowed.telegrams()).isNotEmpty();
            for (Telegram telegram : bFollowed.telegrams()) {
                Instant measured = MeterValues.of(telegram.raw()).timestamp();
                assertThat(measured).as("B reads nothing measured before its grant").isAfterOrEqualTo(bSince.minusMillis(999));
                assertThat(measured).as("B reads nothing measured after its end").isBefore(bUntil);
                assertThat(telegram.raw()).contains(equipmentId).contains("0-1:24.2.1(").contains(gasEquipmentId);
            }
            assertThat(MeterValues.of(bFollowed.telegrams().get(0).raw()).timestamp()).isAfterOrEqualTo(
                    bSince.minusMillis(999));
            await().atMost(30, TimeUnit.SECONDS).until(() -> !walk.payloadsAt(bFollowed.rootAfterCutOff()).isEmpty());
            for (String payload : walk.payloadsAt(bFollowed.rootAfterCutOff())) {
                assertThatThrownBy(() -> MamParser.parse(payload, bFollowed.rootAfterCutOff(), bFollowed.lastSideKey()))
                        .as("B's last key opens nothing published after its end").isInstanceOf(MamException.class);
            }

            // A's key opens nothing on the DATA channel; B's keys open nothing on A's channel
            for (DataChannelWalk.Step step : bFollowed.steps()) {
                for (String payload : walk.payloadsAt(step.root())) {
                    assertThatThrownBy(() -> MamParser.parse(payload, step.root(), aKeys.sideKey()))
                            .as("A's key opens no telegram").isInstanceOf(MamException.class);
                }
            }
            for (Opened opened : aOpened) {
                for (String payload : walk.payloadsAt(opened.root())) {
                    assertThatThrownBy(() -> MamParser.parse(payload, opened.root(), bKeys.sideKey())).isInstanceOf(MamException.class);
                }
            }

            // nothing beside: no provider secret is, or opens, anything of My Home's event channel
            Set<String> providerSecrets = new HashSet<>(List.of(aKeys.dataRoot(), aKeys.sideKey(), bKeys.dataRoot(),
                    bKeys.sideKey()));
            bFollowed.steps().forEach(s -> providerSecrets.add(s.nextRoot()));
            aOpened.forEach(o -> providerSecrets.add(o.nextRoot()));
            String root = system.myHome.identity().eventRoot();
            int events = 0;
            while (true) {
                List<String> payloads = walk.payloadsAtPrivate(root);
                if (payloads.isEmpty()) {
                    break;
                }
                assertThat(providerSecrets).as("a provider holds a root of My Home's channel").doesNotContain(root);
                String next = null;
                for (String payload : payloads) {
                    for (String secret : providerSecrets) {
                        assertThatThrownBy(() -> MamParser.parse(payload, secret, null)).isInstanceOf(MamException.class);
                        assertThatThrownBy(() -> MamParser.parse(payload, secret, secret)).isInstanceOf(MamException.class);
                    }
                    try {
                        next = MamParser.parse(payload, root, null).nextRoot();
                    } catch (MamException e) {
                        // someone else's bundle at the address
                    }
                }
                events++;
                root = next;
            }
            assertThat(events).as("My Home's events, walked").isGreaterThanOrEqualTo(3);
        }
    }

    record Opened(String root, Object message, String text, String nextRoot) {
    }

    /** Every message from {@code root} on that opens with {@code sideKey}, following key rotations that carry none. */
    static List<Opened> openAll(DataChannelWalk walk, String root, String sideKey) throws Exception {
        List<Opened> opened = new ArrayList<>();
        while (true) {
            Optional<Opened> next = Optional.empty();
            for (String payload : walk.payloadsAt(root)) {
                try {
                    MamMessage message = MamParser.parse(payload, root, sideKey);
                    String text = TryteCodec.decodeText(message.message());
                    next = Optional.of(new Opened(root, new org.p1iota.app.channel.DataChannelDecoder().decode(message.message()),
                            text, message.nextRoot()));
                } catch (MamException e) {
                    // not for this key
                }
            }
            if (next.isEmpty()) {
                return opened;
            }
            opened.add(next.get());
            if (next.get().message() instanceof Data) {
                throw new AssertionError("a DATA message on a scoped channel");
            }
            root = next.get().nextRoot();
        }
    }

    static RecordingMeterLink.Sent firstAtOrAfter(List<RecordingMeterLink.Sent> sent, Instant boundary) {
        return sent.stream().filter(s -> !MeterValues.of(s.raw()).timestamp().isBefore(boundary)).findFirst()
                .orElseThrow(() -> new AssertionError("the meter sent nothing at or after " + boundary));
    }

    static void assertRegisters(Readings.Registers registers, RecordingMeterLink.Sent telegram) {
        assertThat(registers).isNotNull();
        MeterValues values = MeterValues.of(telegram.raw());
        assertThat(java.time.OffsetDateTime.parse(registers.at()).toInstant()).as("registers read from the first telegram"
                + " at or after the boundary").isEqualTo(values.timestamp());
        assertThat(registers.importTariff1().add(registers.importTariff2())).isEqualByComparingTo(values.energyImportKwh());
        assertThat(registers.exportTariff1().add(registers.exportTariff2())).isEqualByComparingTo(values.energyExportKwh());
        assertThat(registers.importTariff1()).isEqualByComparingTo(new BigDecimal(field(telegram.raw(), "1-0:1.8.1(").replace("*kWh", "")));
    }

    static String field(String raw, String prefix) {
        int start = raw.indexOf("\n" + prefix);
        int open = start + 1 + prefix.length();
        return raw.substring(open, raw.indexOf(')', open));
    }
}
