package org.p1iota.app.device;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleCommand;
import org.p1iota.app.role.RoleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./p1-iota device}: reads the meter and publishes its telegrams for the household's chosen providers. */
@Command(name = DeviceRole.NAME,
        description = "the device on the meter: P1 telegrams -> durable spool -> restricted MAM data channel; pairing and consent",
        footer = {"The data directory holds the seed, pairing code, spool and channel state.",
                "The address and pairing code to pair with: ./p1-iota keys --role device --data DIR",
                "Any property of application-device.properties can be given as --name value."})
public final class DeviceCommand extends RoleCommand {

    @Option(names = "--node", paramLabel = "URL", order = 1,
            description = "the IOTA node's HTTP API (iota.node-url, default http://127.0.0.1:14265)")
    void node(String url) {
        property(RoleSettings.NODE_URL, url);
    }

    @Option(names = "--p1", paramLabel = "URI", order = 2, description = {
            "the meter: serial:/dev/ttyUSB0?profile=auto, tcp:host:port, or file:capture.txt?pace=1000 (device.p1.source)"})
    void p1(String source) {
        property("device.p1.source", source);
    }

    @Option(names = "--mwm", paramLabel = "N", order = 3, description = "minimum weight magnitude of the node (iota.mwm, default 9)")
    void mwm(int mwm) {
        property(RoleSettings.MWM, String.valueOf(mwm));
    }

    @Option(names = "--batch", paramLabel = "N", order = 4, description = "telegrams per DATA message (device.batch.size, default 10)")
    void batch(int size) {
        property("device.batch.size", String.valueOf(size));
    }

    @Override
    protected Role role() {
        return new DeviceRole();
    }
}
