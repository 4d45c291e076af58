package org.p1iota.app.myhome;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleCommand;
import org.p1iota.app.role.RoleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./p1-iota myhome}: the household's web app. */
@Command(name = MyHomeRole.NAME,
        description = "My Home: the household's web app to pair devices and grant or revoke providers' access",
        footer = {"The data directory holds the seed, the household token (api-token) and channel state.",
                "Log in with the household token in DIR/api-token (the log says where; it never prints the token).",
                "Any property of application-myhome.properties can be given as --name value."})
public final class MyHomeCommand extends RoleCommand {

    @Option(names = "--node", paramLabel = "URL", order = 1,
            description = "IOTA node's HTTP API (iota.node-url, default http://127.0.0.1:14265)")
    void node(String url) {
        property(RoleSettings.NODE_URL, url);
    }

    @Option(names = "--port", paramLabel = "PORT", order = 2, description = "web port (myhome.port, default 8080)")
    void port(int port) {
        property("myhome.port", String.valueOf(port));
    }

    @Option(names = "--bind", paramLabel = "ADDRESS", order = 3,
            description = "address to listen on (myhome.host, default 127.0.0.1: this machine only)")
    void bind(String address) {
        property("myhome.host", address);
    }

    @Option(names = "--mwm", paramLabel = "N", order = 4, description = "minimum weight magnitude of the node (iota.mwm, default 9)")
    void mwm(int mwm) {
        property(RoleSettings.MWM, String.valueOf(mwm));
    }

    @Override
    protected Role role() {
        return new MyHomeRole();
    }
}
