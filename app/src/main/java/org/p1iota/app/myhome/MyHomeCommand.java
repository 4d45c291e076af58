package org.p1iota.app.myhome;

import java.util.Map;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleCommand;

/** {@code ./p1-iota myhome}: the household's web app (devices, consent, audit trail) until Ctrl-C. */
public final class MyHomeCommand extends RoleCommand {

    @Override
    public String name() {
        return MyHomeRole.NAME;
    }

    @Override
    public String summary() {
        return "My Home: the household's web app to pair devices and grant or revoke providers' access";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota myhome [--data DIR] [--node URL] [--port 8080] [--bind 127.0.0.1] [--mwm N] [--routes DIR] [--PROPERTY VALUE]...
                  --data     data directory: seed, household token (api-token) and channel state (p1iota.data)
                  --node     IOTA node's HTTP API (iota.node-url, default http://127.0.0.1:14265)
                  --port     web port (myhome.port, default 8080)
                  --bind     address to listen on (myhome.host, default 127.0.0.1: this machine only)
                  --mwm      minimum weight magnitude of the node (iota.mwm, default 9)
                  --routes   directory holding myhome.yaml (default: routes/ next to ./p1-iota, else the packaged copy)
                Log in with the household token in DIR/api-token (the log says where; it never prints the token).
                Any property of application-myhome.properties can be given as --name value.""";
    }

    @Override
    protected Map<String, String> shortOptions() {
        return Map.of("port", "myhome.port", "bind", "myhome.host", "node", "iota.node-url", "mwm", "iota.mwm");
    }

    @Override
    protected Role role() {
        return new MyHomeRole();
    }
}
