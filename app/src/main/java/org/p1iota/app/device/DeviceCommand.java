package org.p1iota.app.device;

import java.util.Map;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleCommand;

/** {@code ./p1-iota device}: reads the meter and publishes its telegrams for the household's chosen providers. */
public final class DeviceCommand extends RoleCommand {

    @Override
    public String name() {
        return DeviceRole.NAME;
    }

    @Override
    public String summary() {
        return "the device on the meter: P1 telegrams -> durable spool -> restricted MAM data channel; pairing and consent";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota device [--data DIR] [--node URL] [--p1 URI] [--mwm N] [--batch N] [--routes DIR] [--PROPERTY VALUE]...
                  --data     data directory: seed, pairing code, spool, channel state (p1iota.data)
                  --node     the IOTA node's HTTP API (device.node.url, default http://127.0.0.1:14265)
                  --p1       the meter: serial:/dev/ttyUSB0?profile=auto, tcp:host:port, or file:capture.txt?pace=1000
                             (device.p1.source)
                  --mwm      minimum weight magnitude of the node (device.node.mwm, default 9)
                  --batch    telegrams per DATA message (device.batch.size, default 10)
                  --routes   directory holding device.yaml (default: routes/ next to ./p1-iota, else the packaged copy)
                The address and pairing code to pair with: ./p1-iota keys --role device --data DIR
                Any property of application-device.properties can be given as --name value.""";
    }

    @Override
    protected Map<String, String> shortOptions() {
        return Map.of("node", "device.node.url", "p1", "device.p1.source", "mwm", "device.node.mwm",
                "batch", "device.batch.size");
    }

    @Override
    protected Role role() {
        return new DeviceRole();
    }
}
