package org.p1iota.app.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.spool.DurableSpool;
import org.p1iota.app.testing.RunningDevice;
import org.p1iota.app.testing.RunningNode;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;

/**
 * Nothing spooled is lost: the node stopped for a while (the device keeps spooling, then catches up in
 * order), and the device killed with SIGKILL mid-stream in its own JVM and restarted (the channel
 * continues where it was; every acknowledged telegram is on it once, in order).
 */
class DeviceResilienceTest {

    static final int MWM = 3;

    @TempDir
    Path data;

    @Test
    void aNodeThatIsDownForAWhileLosesNothingAndKeepsTheOrder() throws Exception {
        int port = RunningNode.freePort();
        Path nodeData = data.resolve("node");
        RunningNode node = RunningNode.start(nodeData, MWM, port);
        Path deviceData = data.resolve("device");
        try (RunningDevice device = RunningDevice.start(deviceData, port, MWM,
                "file:" + DeviceRoleOnNodeTest.capture() + "?pace=150", Map.of("device.batch.size", "5"))) {
            await().atMost(40, TimeUnit.SECONDS).until(() -> device.dataChannel().telegramsPublished() >= 5);
            node.close();
            long publishedBefore = device.dataChannel().telegramsPublished();
            long spooledBefore = device.meterIntake().spooled();
            Thread.sleep(3000);
            assertThat(device.meterIntake().spooled()).as("the meter is still read").isGreaterThan(spooledBefore + 5);
            assertThat(device.dataChannel().telegramsPublished()).isEqualTo(publishedBefore);

            node = RunningNode.start(nodeData, MWM, port);
            long target = device.meterIntake().spooled();
            await().atMost(60, TimeUnit.SECONDS).until(() -> device.dataChannel().telegramsPublished() >= target);
        } finally {
            node.close();
        }
        node = RunningNode.start(nodeData, MWM, port);
        try {
            List<Telegram> onChannel = readWholeChannel(node.port, deviceData);
            assertConsecutiveFromOne(onChannel);
            try (DurableSpool spool = DurableSpool.open(deviceData.resolve("spool"))) {
                assertThat((long) onChannel.size()).isEqualTo(spool.lastAcknowledged());
            }
        } finally {
            node.close();
        }
    }

    @Test
    void aDeviceKilledMidStreamContinuesItsChannelWithoutLosingASpooledTelegram() throws Exception {
        try (RunningNode node = RunningNode.start(data.resolve("node"), MWM)) {
            Path deviceData = data.resolve("device");
            Process first = launchDevice(node.port, deviceData, data.resolve("first.log"));
            try {
                await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                        .until(() -> acknowledged(deviceData) >= 12);
            } finally {
                first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
            }
            long acknowledgedAtKill = acknowledged(deviceData);

            Process second = launchDevice(node.port, deviceData, data.resolve("second.log"));
            try {
                await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                        .until(() -> acknowledged(deviceData) >= acknowledgedAtKill + 10);
            } finally {
                second.destroy(); // SIGTERM: graceful
                second.waitFor(30, TimeUnit.SECONDS);
                second.destroyForcibly().waitFor();
            }
            List<Telegram> onChannel = readWholeChannel(node.port, deviceData);
            assertConsecutiveFromOne(onChannel);
            assertThat((long) onChannel.size()).isEqualTo(acknowledged(deviceData));
        }
    }

    private static long acknowledged(Path deviceData) throws Exception {
        Path cursor = deviceData.resolve("spool/acknowledged");
        return Files.exists(cursor) ? Long.parseLong(Files.readString(cursor, StandardCharsets.US_ASCII).trim()) : 0;
    }

    private static Process launchDevice(int nodePort, Path deviceData, Path log) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classpath, "org.p1iota.app.Launcher", "device",
                "--routes", RunningNode.repositoryRoutes().toString(), "--device.batch.size", "3"));
        RunningDevice.testProperties(deviceData, nodePort, MWM, "file:" + DeviceRoleOnNodeTest.capture() + "?pace=100")
                .forEach((name, value) -> {
                    command.add("--" + name);
                    command.add(value);
                });
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Every DATA message from the channel's first root, read with the (never rotated) side key. */
    private static List<Telegram> readWholeChannel(int nodePort, Path deviceData) throws Exception {
        String seed = Files.readString(deviceData.resolve("seed"), StandardCharsets.US_ASCII).trim();
        DeviceState state = DeviceState.open(deviceData.resolve("device-state.json"), null, null);
        String root = new MamChannel(ChannelState.initial(seed, MamMode.RESTRICTED, state.sideKey(), DeviceRole.SECURITY)).root();
        DataChannelReader reader = new DataChannelReader(nodePort);
        org.p1iota.app.channel.DataChannelDecoder decoder = new org.p1iota.app.channel.DataChannelDecoder();
        List<Telegram> telegrams = new ArrayList<>();
        for (Optional<DataChannelReader.Read> read = reader.readAt(root, state.sideKey()); read.isPresent();
                read = reader.readAt(read.get().nextRoot(), state.sideKey())) {
            telegrams.addAll(((Data) decoder.decode(read.get().trytes())).telegrams());
        }
        return telegrams;
    }

    private static void assertConsecutiveFromOne(List<Telegram> telegrams) {
        assertThat(telegrams).isNotEmpty();
        for (int i = 0; i < telegrams.size(); i++) {
            assertThat(telegrams.get(i).sequence()).as("telegram %d on the channel", i).isEqualTo(i + 1);
        }
    }
}
