package org.p1iota.app.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.myhome.MyHomeIdentity;
import org.p1iota.app.myhome.MyHomeRole;
import org.p1iota.app.role.RoleRunner;
import org.p1iota.app.role.RoleSettings;

/**
 * The myhome role started in this JVM on a free loopback port (or a given one), talking to the node
 * at {@code nodeUrl}; for the role's own tests, the end-to-end test and the browser tests.
 * {@link #token()} reads the household token from the data directory, as a household would.
 */
public final class RunningMyHome implements AutoCloseable {

    public final int port;
    public final Path data;
    private final RoleRunner.Running running;

    private RunningMyHome(int port, Path data, RoleRunner.Running running) {
        this.port = port;
        this.data = data;
        this.running = running;
    }

    /** My Home on a free port against the node at {@code http://127.0.0.1:nodePort}, polling its inbox quickly. */
    public static RunningMyHome start(Path data, int nodePort, int mwm) throws Exception {
        return start(data, "http://127.0.0.1:" + nodePort, mwm, RunningNode.freePort(), Map.of());
    }

    /** @param extra any further properties, e.g. {@code myhome.pairing-timeout-seconds} */
    public static RunningMyHome start(Path data, String nodeUrl, int mwm, int port, Map<String, String> extra) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(RoleSettings.DATA_PROPERTY, data.toString());
        properties.put("myhome.port", String.valueOf(port));
        properties.put("iota.node-url", nodeUrl);
        properties.put("iota.mwm", String.valueOf(mwm));
        properties.put("iota.local-pow", "true");
        properties.put("myhome.inbox-poll-millis", "250");
        properties.put("camel.main.jmx-enabled", "false");
        // the tests' providers run on loopback, on free ports
        properties.put("myhome.provider-check.allow-private-networks", "true");
        properties.put("myhome.provider-check.ports", "*");
        // most tests are about consent and count the events on the channel: My Home's own grant of each
        // paired device (issue 16) is switched on by the tests about it (OwnEnergyTest, ConsentEndToEndTest)
        properties.put("myhome.own-data", "false");
        properties.putAll(extra);
        RoleSettings settings = RoleSettings.load(MyHomeRole.NAME, properties);
        RoleRunner runner = new RoleRunner(new MyHomeRole(), settings, Optional.of(RunningNode.repositoryRoutes()));
        return new RunningMyHome(port, data, runner.start());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The file holding the household token (log in with it, or send it as {@code Authorization: Bearer}). */
    public Path tokenFile() {
        return identity().directory().resolve(SecretStore.API_TOKEN);
    }

    public String token() throws IOException {
        return Files.readString(tokenFile(), StandardCharsets.US_ASCII).strip();
    }

    /** My Home's inbox address and event channel root. */
    public MyHomeIdentity identity() {
        return running.beans().get("myhomeIdentity", MyHomeIdentity.class);
    }

    public RoleRunner.Running running() {
        return running;
    }

    @Override
    public void close() throws Exception {
        running.close();
    }
}
