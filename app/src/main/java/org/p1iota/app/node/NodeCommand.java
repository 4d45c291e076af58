package org.p1iota.app.node;

import java.util.Map;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleCommand;

/** {@code ./p1-iota node}: runs the embedded IOTA node until Ctrl-C. */
public final class NodeCommand extends RoleCommand {

    @Override
    public String name() {
        return NodeRole.NAME;
    }

    @Override
    public String summary() {
        return "embedded IOTA node speaking IRI 1.8.6's HTTP API (validating, persistent, local PoW)";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota node [--port 14265] [--bind 127.0.0.1] [--data DIR] [--mwm N] [--routes DIR] [--PROPERTY VALUE]...
                  --port     HTTP port of the IRI API (node.port, default 14265)
                  --bind     address to listen on (node.bind, default 127.0.0.1: this machine only)
                  --data     data directory; the tangle database is DIR/node (p1iota.data)
                  --mwm      minimum weight magnitude every stored transaction needs (node.mwm, default 9)
                  --routes   directory holding node.yaml (default: routes/ next to ./p1-iota, else the packaged copy)
                Any property of application-node.properties can be given as --name value (e.g. --node.pow-engine CLASS).""";
    }

    @Override
    protected Map<String, String> shortOptions() {
        return Map.of("port", "node.port", "bind", "node.bind", "mwm", "node.mwm");
    }

    @Override
    protected Role role() {
        return new NodeRole();
    }
}
