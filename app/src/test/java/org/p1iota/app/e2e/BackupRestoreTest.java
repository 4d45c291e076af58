package org.p1iota.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.ops.backup.DataDirectoryLock;
import org.p1iota.app.ops.backup.RoleArchive;
import org.p1iota.app.testing.RunningDevice;

/**
 * A household moves its Pi to a new SD card: stop the device, back it up, restore into a new data directory,
 * start from there. The device keeps its address, its pairing and the grant (the provider keeps receiving
 * readings), and its data channel goes on where it stopped: every message of the channel is the only bundle
 * at its address (no index written twice).
 */
class BackupRestoreTest {

    private static final int MWM = 3;

    @TempDir
    Path data;

    @Test
    void aRestoredDeviceContinuesItsChannelPairingAndGrants() throws Exception {
        Map<String, String> deviceProperties = Map.of("device.batch.size", "2", "device.batch.max-wait", "1500");
        try (ConsentSystem system = new ConsentSystem(data, MWM, Duration.ofMillis(500), deviceProperties)) {
            JsonNode paired = system.pair(system.device.pairingCode.formatted(), "Meter cupboard");
            assertThat(paired.path("state").asText()).as("pairing %s", paired).isEqualTo("succeeded");
            ConsentSystem.Grant grant = system.grant(system.watttA);
            await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300)).until(() -> grant.readings().size() >= 4);

            Path archive = data.resolve("device-backup.zip");
            assertThatThrownBy(() -> RoleArchive.backup("device", system.device.data, archive))
                    .isInstanceOf(DataDirectoryLock.DataDirectoryInUseException.class).hasMessageContaining("stop it first");

            system.device.close();
            int readingsAtStop = grant.readings().size();
            RoleArchive.backup("device", system.device.data, archive);
            assertThat(Files.getPosixFilePermissions(archive)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            Path newCard = data.resolve("new-sd-card").resolve("device");
            RoleArchive.restore("device", archive, newCard);
            assertThat(Files.getPosixFilePermissions(newCard)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.readAllBytes(newCard.resolve("seed"))).isEqualTo(Files.readAllBytes(system.device.data.resolve("seed")));
            assertThatThrownBy(() -> RoleArchive.restore("device", archive, newCard)).hasMessageContaining("not empty");
            assertThatThrownBy(() -> RoleArchive.restore("myhome", archive, data.resolve("elsewhere")))
                    .hasMessageContaining("backup of the device, not of the myhome");

            try (RunningDevice restored = RunningDevice.start(newCard, system.node.port, MWM, "tcp:127.0.0.1:" + system.link.port(),
                    deviceProperties)) {
                assertThat(restored.address).isEqualTo(system.device.address);
                assertThat(restored.state().home()).as("the pairing").isPresent();
                await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(300))
                        .until(() -> grant.readings().size() >= readingsAtStop + 6);
                assertThat(grant.status().path("state").asText()).isEqualTo("receiving");
                // (values are not compared with the link's record here: the restored device opened a second
                // connection to the simulated meter, whose telegrams can share a second with the first one's)

                // the channel from its first root: one bundle per address, before and after the move
                DataChannelWalk walk = new DataChannelWalk(system.node.port);
                ChannelKeys start = walk.deliveredKeys(grant.inbox(), grant.keys(1));
                String root = start.dataRoot();
                Set<String> roots = new HashSet<>();
                int messages = 0;
                while (true) {
                    Optional<DataChannelWalk.Step> step = walk.read(root, start.sideKey());
                    if (step.isEmpty()) {
                        break;
                    }
                    assertThat(walk.payloadsAt(root)).as("bundles at channel root %s", root).hasSize(1);
                    assertThat(roots.add(root)).isTrue();
                    messages++;
                    root = step.get().nextRoot();
                }
                assertThat(messages).as("DATA messages on the channel").isGreaterThanOrEqualTo((readingsAtStop + 6) / 2);
            }
        }
    }
}
