package org.p1iota.app.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.MamData;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.consent.pairing.MyHomePairingSession;
import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.app.testing.RunningDevice;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamParser;

/**
 * The device role on the embedded node, My Home and two providers driven from the test over the real
 * components: pairing (wrong code, then right), a real capture replayed into DATA batches, AUTHORIZED →
 * MAM_DATA, AUTHORIZATION_REVOKED → KEY_ROTATION (the revoked provider cannot open what follows), and
 * DEVICE_DELETED → a rotation for nobody. Also measures transactions per telegram.
 */
class DeviceRoleOnNodeTest {

    static final int MWM = 3;

    static {
        System.setProperty("org.slf4j.simpleLogger.log.org.p1iota.app.device", "info");
    }

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

    static Path capture() {
        String property = System.getProperty("p1iota.shared");
        Path shared = property != null ? Path.of(property) : null;
        for (Path dir = Path.of("").toAbsolutePath(); shared == null && dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("../shared/corpus"))) {
                shared = dir.resolve("../shared").normalize();
            }
        }
        return shared.resolve("corpus/dsmr/streams/basjes-ttyusb0-raw.crlf.txt");
    }

    @Test
    void pairsDeliversKeysRotatesOnRevocationAndLeavesOnDeletion() throws Exception {
        SecureRandom random = new SecureRandom();
        String capture = Files.readString(capture(), StandardCharsets.ISO_8859_1);
        try (RunningDevice device = RunningDevice.start(data.resolve("device"), node.port, MWM,
                "file:" + capture() + "?pace=400", Map.of("device.batch.max-wait", "4000"));
                TestHousehold home = new TestHousehold(node.port, MWM, data.resolve("home"),
                        // the capture was measured on 2019-03-24 from 15:05:19 (winter time): grants then
                        java.time.Clock.fixed(java.time.Instant.parse("2019-03-24T14:05:00Z"), java.time.ZoneOffset.UTC))) {
            DeviceState deviceState = device.running().beans().get("deviceState", DeviceState.class);

            // a claim with a wrong code does not open on the device: dropped and counted, no reply
            PairingInbox pairingInbox = device.running().beans().get("pairingInbox", PairingInbox.class);
            home.claim(device.address, PairingCode.generate(random));
            await().atMost(60, TimeUnit.SECONDS).until(() -> pairingInbox.unopenedMessages() == 1);
            assertThat(pairingInbox.repliesSent()).isZero();
            assertThat(deviceState.home()).isEmpty();

            assertThat(home.pair(device.address, device.pairingCode)).isEqualTo(MyHomePairingSession.State.PAIRED);
            assertThat(home.unread()).isZero();
            assertThat(deviceState.home()).hasValueSatisfying(h -> assertThat(h.eventChannelRoot()).isEqualTo(home.eventRoot));

            home.publish(home.commands().addDevice(home.state(), device.address, "Meter cupboard"));
            TestHousehold.Provider wattt = home.provider("Wattt");
            TestHousehold.Provider solar = home.provider("Solar");
            Authorized watttGrant = home.grant(device.address, wattt);
            Authorized solarGrant = home.grant(device.address, solar);

            DataChannelReader reader = new DataChannelReader(node.port);
            DataChannelFollower watttReads = follower(reader, wattt, watttGrant);
            DataChannelFollower solarReads = follower(reader, solar, solarGrant);
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() -> {
                watttReads.poll();
                solarReads.poll();
                return watttReads.data().size() >= 2 && solarReads.data().size() >= 2;
            });
            assertTelegramsFollowTheCapture(watttReads.data(), capture);

            home.publish(home.commands().revoke(home.state(), watttGrant.policyId()));
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() -> {
                watttReads.poll();
                solarReads.poll();
                return watttReads.revoked && solarReads.rotations() == 1 && solarReads.dataAfterRotation().size() >= 2;
            });
            assertThat(solarReads.revoked).isFalse();
            assertTelegramsFollowTheCapture(solarReads.data(), capture);
            // the revoked provider finds what was published after the rotation and cannot open any of it
            await().atMost(30, TimeUnit.SECONDS).until(() -> !reader.payloadsAt(watttReads.root).isEmpty());
            for (String payload : reader.payloadsAt(watttReads.root)) {
                assertThatThrownBy(() -> MamParser.parse(payload, watttReads.root, watttReads.keyBeforeRevocation))
                        .isInstanceOf(MamException.class);
            }
            assertThat(MamParser.parse(reader.payloadsAt(watttReads.root).get(0), watttReads.root, solarReads.sideKey).message())
                    .as("the remaining provider's new key opens it").isNotEmpty();

            home.publish(home.commands().deleteDevice(home.state(), device.address));
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() -> {
                solarReads.poll();
                return solarReads.revoked;
            });

            reportTransactionsPerTelegram(solarReads);
        }
    }

    @Test
    void framesWithABadCrcAreCountedAndNeverSpooled() throws Exception {
        String capture = Files.readString(capture(), StandardCharsets.ISO_8859_1);
        int first = capture.indexOf('/');
        int second = capture.indexOf('/', capture.indexOf('!', first));
        int third = capture.indexOf('/', capture.indexOf('!', second));
        int end = capture.indexOf('/', capture.indexOf('!', third));
        StringBuilder three = new StringBuilder(capture.substring(first, end));
        int digit = second - first + 40; // inside the second telegram's body: its CRC no longer matches
        three.setCharAt(digit, three.charAt(digit) == '1' ? '2' : '1');
        Path file = data.resolve("one-bad-crc.txt");
        Files.writeString(file, three, StandardCharsets.ISO_8859_1);

        try (RunningDevice device = RunningDevice.start(data.resolve("crc-device"), node.port, MWM, "file:" + file, Map.of())) {
            await().atMost(20, TimeUnit.SECONDS).until(() -> device.meterIntake().rejectedFrames() == 1);
            await().atMost(20, TimeUnit.SECONDS).until(() -> device.meterIntake().spooled() == 2);
        }
        try (org.p1iota.app.spool.DurableSpool spool = org.p1iota.app.spool.DurableSpool.open(data.resolve("crc-device/spool"))) {
            assertThat(spool.lastAcknowledged() + spool.pendingCount()).isEqualTo(2);
        }
    }

    private static DataChannelFollower follower(DataChannelReader reader, TestHousehold.Provider provider, Authorized grant)
            throws Exception {
        MamData delivery = (MamData) provider.received().poll(60, TimeUnit.SECONDS);
        assertThat(delivery).as("MAM_DATA for " + provider.name()).isNotNull();
        ChannelKeys keys = provider.opener().open(delivery);
        assertThat(keys.device()).hasSize(81);
        assertThat(keys.toString()).doesNotContain(keys.sideKey());
        return new DataChannelFollower(reader, provider.opener(), grant.policyId(), keys.dataRoot(), keys.sideKey());
    }

    /** Sequences consecutive across batches; each raw telegram is the capture's next one. */
    static void assertTelegramsFollowTheCapture(List<Data> batches, String capture) {
        List<Telegram> telegrams = batches.stream().flatMap(d -> d.telegrams().stream()).toList();
        assertThat(telegrams).isNotEmpty();
        int position = 0;
        for (int i = 0; i < telegrams.size(); i++) {
            Telegram telegram = telegrams.get(i);
            if (i > 0) {
                assertThat(telegram.sequence()).isEqualTo(telegrams.get(i - 1).sequence() + 1);
            }
            int found = capture.indexOf(telegram.raw(), position);
            assertThat(found).as("telegram %d is the capture's next", telegram.sequence()).isGreaterThanOrEqualTo(position);
            position = found + telegram.raw().length();
            assertThat(telegram.parsed().size()).isPositive();
        }
    }

    /**
     * The transactions the node holds at each DATA message's address are exactly what
     * {@link DataBatchCostTest} counts for the same message (so its table is what the device pays).
     */
    private static void reportTransactionsPerTelegram(DataChannelFollower reads) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long transactions = 0;
        long telegrams = 0;
        for (int i = 0; i < reads.messages.size(); i++) {
            if (reads.messages.get(i) instanceof Data batch) {
                String reply = node.post("{\"command\":\"findTransactions\",\"addresses\":[\"" + reads.reads.get(i).address() + "\"]}").body();
                int atAddress = json.readTree(reply).get("hashes").size();
                assertThat(atAddress).as("transactions at DATA address %d", i)
                        .isEqualTo(DataBatchCostTest.transactions(reads.reads.get(i).trytes(), DeviceRole.SECURITY));
                transactions += atAddress;
                telegrams += batch.telegrams().size();
            }
        }
        System.out.printf("device data channel: %d telegrams in DATA messages took %d transactions: %.2f per telegram%n",
                telegrams, transactions, (double) transactions / telegrams);
        assertThat(telegrams).isPositive();
    }
}
