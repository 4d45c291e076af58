package org.p1iota.app.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.device.DataChannelWorker;
import org.p1iota.app.device.DeviceRole;
import org.p1iota.app.device.MeterIntake;
import org.p1iota.app.role.RoleRunner;
import org.p1iota.app.role.RoleSettings;

/**
 * The device role started in this JVM against a node (e.g. {@link RunningNode}), with the repository's
 * routes/device.yaml and test-friendly poll intervals. {@link #address} and {@link #pairingCode} are what
 * the household would read from the device's label ({@code ./p1-iota keys --role device}).
 */
public final class RunningDevice implements AutoCloseable {

    public final Path data;
    public final String address;
    public final PairingCode pairingCode;
    private final RoleRunner.Running running;

    private RunningDevice(Path data, String address, PairingCode pairingCode, RoleRunner.Running running) {
        this.data = data;
        this.address = address;
        this.pairingCode = pairingCode;
        this.running = running;
    }

    /**
     * @param p1Source e.g. {@code file:/path/capture.txt?pace=200}
     * @param overrides any further properties (e.g. {@code device.batch.size})
     */
    public static RunningDevice start(Path data, int nodePort, int mwm, String p1Source, Map<String, String> overrides)
            throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(testProperties(data, nodePort, mwm, p1Source));
        properties.putAll(overrides);
        RoleSettings settings = RoleSettings.load(DeviceRole.NAME, properties);
        SecretStore secrets = SecretStore.open(data, new SecureRandom());
        String address = InboxAddress.of(secrets.seed());
        PairingCode code = secrets.pairingCode();
        RoleRunner runner = new RoleRunner(new DeviceRole(), settings, Optional.of(RunningNode.repositoryRoutes()));
        return new RunningDevice(data, address, code, runner.start());
    }

    /** The properties {@link #start} uses: short poll intervals, few retries, local PoW. */
    public static Map<String, String> testProperties(Path data, int nodePort, int mwm, String p1Source) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(RoleSettings.DATA_PROPERTY, data.toString());
        properties.put("device.node.url", "http://127.0.0.1:" + nodePort);
        properties.put("device.node.mwm", String.valueOf(mwm));
        properties.put("device.node.local-pow", "true");
        properties.put("device.node.retry-attempts", "1");
        properties.put("device.p1.source", p1Source);
        properties.put("device.inbox.poll-delay", "200");
        properties.put("device.events.poll-delay", "200");
        properties.put("device.worker.tick", "200");
        properties.put("device.batch.max-wait", "1000");
        properties.put("camel.main.jmx-enabled", "false");
        // a free port for the management server (health, metrics) also where the device runs in its own process
        properties.put("camel.management.port", "0");
        return properties;
    }

    public MeterIntake meterIntake() {
        return running.beans().get("meterIntake", MeterIntake.class);
    }

    public DataChannelWorker dataChannel() {
        return running.beans().get("dataChannelWorker", DataChannelWorker.class);
    }

    /** Side key, next root, paired home and outbox as the device has stored them. */
    public org.p1iota.app.device.DeviceState state() {
        return running.beans().get("deviceState", org.p1iota.app.device.DeviceState.class);
    }

    public RoleRunner.Running running() {
        return running;
    }

    @Override
    public void close() throws Exception {
        running.close();
    }
}
