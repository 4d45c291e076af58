package org.p1iota.app.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.P1IotaCommand;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.role.RoleCommand;
import org.p1iota.app.role.RoleRunner;
import org.p1iota.app.role.RoleSettings;
import picocli.CommandLine;

/**
 * Everything on one machine in one process: the embedded node, a simulated meter, the device reading
 * it over TCP, My Home and Wattt Insights, each role in its own Camel context and data directory, set
 * up exactly as the roles' own commands would be (the same options), and stopped in reverse order.
 */
public final class Demo implements AutoCloseable {

    private final DemoSettings settings;
    private final Optional<Path> routes;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private SimulatedMeter meter;

    public Demo(DemoSettings settings, Optional<Path> routes, PrintStream out) {
        this.settings = settings;
        this.routes = routes;
        this.out = out;
    }

    /** Starts every part; on failure what was started is stopped again before the exception leaves. */
    public Demo start() throws Exception {
        try {
            step("node", "embedded IOTA node on " + settings.nodeUrl() + " (MWM " + settings.minWeightMagnitude() + ")");
            startRole("node", "--port", String.valueOf(settings.nodePort()), "--bind", settings.bind(),
                    "--mwm", String.valueOf(settings.minWeightMagnitude()));

            java.nio.file.Files.createDirectories(settings.dataDirectory());
            meter = SimulatedMeter.start(MeterTelegrams.demoCapture(), settings.meterPort(), settings.meterPace(), Clock.systemUTC(),
                    settings.dataDirectory().resolve("meter-telegrams-sent"));
            started.push(meter);
            step("meter", "simulated meter (a real Iskra AM550 capture, one telegram every " + settings.meterPace().toMillis()
                    + " ms) on tcp://127.0.0.1:" + meter.port());

            step("myhome", "My Home on " + settings.myHomeUrl());
            String mwm = String.valueOf(settings.minWeightMagnitude());
            // the demo's provider runs on this machine: My Home may check it there
            startRole("myhome", "--port", String.valueOf(settings.myHomePort()), "--node", settings.nodeUrl(), "--mwm", mwm,
                    "--myhome.provider-check.allow-private-networks", "true",
                    "--myhome.provider-check.ports", String.valueOf(settings.providerPort()));
            step("provider", "Wattt Insights on " + settings.providerUrl());
            startRole("provider", "--port", String.valueOf(settings.providerPort()), "--node", settings.nodeUrl(),
                    "--myhome-url", settings.myHomeUrl(), "--public-url", settings.providerUrl(), "--mwm", mwm);
            step("device", "device reading the meter over TCP and publishing to its data channel");
            startRole("device", "--node", settings.nodeUrl(), "--mwm", mwm, "--p1", "tcp:127.0.0.1:" + meter.port());
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private void step(String part, String what) {
        out.printf("  starting %-9s %s%n", part, what);
        out.flush();
    }

    private void startRole(String name, String... options) throws Exception {
        RoleCommand command = roleCommand(name);
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> words = new java.util.ArrayList<>(List.of(options));
        words.add("--data");
        words.add(settings.roleDirectory(name).toString());
        command.parse(words, properties);
        RoleSettings roleSettings = RoleSettings.load(name, properties);
        started.push(new RoleRunner(command.createRole(), roleSettings, routes).start());
    }

    private static RoleCommand roleCommand(String name) {
        CommandLine command = new CommandLine(new P1IotaCommand()).getSubcommands().get(name);
        if (command != null && command.getCommand() instanceof RoleCommand role) {
            return role;
        }
        throw new IllegalStateException("role '" + name + "' is not installed in this build");
    }

    /** Whether the demo's data directory holds no household yet (checked before {@link #start}). */
    public static boolean firstStart(DemoSettings settings) {
        return !java.nio.file.Files.exists(settings.roleDirectory("myhome").resolve(SecretStore.SEED));
    }

    /** What a newcomer needs: where to go, the token, the device's address and pairing code. */
    public void printWelcome() throws Exception {
        printWelcome(true);
    }

    /**
     * The addresses and secrets every time; the steps to click only on the first start (a second start
     * keeps the pairing, the grants and the readings, and repeating "pair the device" misled, issue 16).
     */
    public void printWelcome(boolean firstStart) throws Exception {
        SecureRandom random = new SecureRandom();
        SecretStore myHome = SecretStore.open(settings.roleDirectory("myhome"), random);
        SecretStore device = SecretStore.open(settings.roleDirectory("device"), random);
        out.println();
        out.println("p1-iota demo is running. Data: " + settings.dataDirectory() + " (a second run reuses it)");
        out.println();
        out.println("  My Home         " + settings.myHomeUrl() + "/");
        out.println("    token         " + myHome.apiToken().value() + "   (also in " + myHome.file(SecretStore.API_TOKEN) + ")");
        out.println("  Wattt Insights  " + settings.providerUrl() + "/");
        out.println("  IOTA node       " + settings.nodeUrl() + "   (IRI HTTP API)");
        out.println("  health, metrics http://127.0.0.1:9480 (node), 9481 (device), 9482 (My Home), 9483 (Wattt Insights):");
        out.println("                  /observe/health, /observe/metrics   (docs/operations.md)");
        out.println("  the device      address      " + InboxAddress.of(device.seed()));
        out.println("                  pairing code " + device.pairingCode().formatted());
        out.println();
        if (!firstStart) {
            out.println("Started again with the data of the last run: your paired device, grants and readings are kept.");
            out.println("  My Home > Energy shows your own meter; Wattt Insights shows what you shared with it.");
            out.println("  (To start from scratch, stop the demo and delete " + settings.dataDirectory() + ".)");
            out.println();
            out.println("Ctrl-C stops everything.");
            out.flush();
            return;
        }
        out.println("What to click:");
        out.println("  1. Open My Home, log in with the token, Devices > Pair a device: paste the address and the pairing code,");
        out.println("     and give the device a Name (required), e.g. \"Meter in the hallway\". My Home > Energy then shows your meter.");
        out.println("  2. Open Wattt Insights and click \"Connect your meter\": you are sent to My Home to grant access.");
        out.println("  3. Pick the device, Grant: back at Wattt Insights the chart fills with readings as they arrive.");
        out.println("  4. In My Home, Policies > Revoke: Wattt Insights shows \"access revoked\".");
        out.println();
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                out.println("  stopping: " + e.getMessage());
            }
        }
    }
}
