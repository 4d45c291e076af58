package org.p1iota.app.node;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./p1-iota node}: runs the embedded IOTA node until Ctrl-C. */
@Command(name = NodeRole.NAME,
        description = "embedded IOTA node speaking IRI 1.8.6's HTTP API (validating, persistent, local PoW)",
        footer = {"Any property of application-node.properties can be given as --name value (e.g. --node.pow-engine CLASS).",
                "attachToTangle limits: --node.max-mwm 14, --node.attach-timeout-seconds 60, --node.max-concurrent-attaches 1,",
                "--node.max-queued-attaches 4 (see docs/node.md)."})
public final class NodeCommand extends RoleCommand {

    @Option(names = "--port", paramLabel = "PORT", order = 1, description = "HTTP port of the IRI API (node.port, default 14265)")
    void port(int port) {
        property("node.port", String.valueOf(port));
    }

    @Option(names = "--bind", paramLabel = "ADDRESS", order = 2,
            description = "address to listen on (node.bind, default 127.0.0.1: this machine only)")
    void bind(String address) {
        property("node.bind", address);
    }

    @Option(names = "--mwm", paramLabel = "N", order = 3,
            description = "minimum weight magnitude every stored transaction needs (node.mwm, default 9)")
    void mwm(int mwm) {
        property("node.mwm", String.valueOf(mwm));
    }

    @Override
    protected Role role() {
        return new NodeRole();
    }
}
