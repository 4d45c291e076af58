package org.p1iota.app.provider;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleCommand;
import org.p1iota.app.role.RoleSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./p1-iota provider}: the example service provider, Wattt Insights. */
@Command(name = ProviderRole.NAME,
        description = "a service provider (Wattt Insights): asks households for consent, reads their meters, serves the readings",
        footer = {"The data directory holds the seed, API token (api-token), database and channel state.",
                "Any property of application-provider.properties can be given as --name value."})
public final class ProviderCommand extends RoleCommand {

    @Option(names = "--node", paramLabel = "URL", order = 1,
            description = "the IOTA node's API (iota.node-url, default http://127.0.0.1:14265)")
    void node(String url) {
        property(RoleSettings.NODE_URL, url);
    }

    @Option(names = "--port", paramLabel = "PORT", order = 2, description = "HTTP port of the web app and API (provider.port, default 8081)")
    void port(int port) {
        property("provider.port", String.valueOf(port));
    }

    @Option(names = "--bind", paramLabel = "ADDRESS", order = 3, description = "address to listen on (provider.bind, default 127.0.0.1)")
    void bind(String address) {
        property("provider.bind", address);
    }

    @Option(names = "--myhome-url", paramLabel = "URL", order = 4,
            description = "the My Home households are sent to by default (provider.myhome-url)")
    void myHomeUrl(String url) {
        property("provider.myhome-url", url);
    }

    @Option(names = "--public-url", paramLabel = "URL", order = 5,
            description = "this site's address as browsers see it (provider.public-url, default http://localhost:PORT)")
    void publicUrl(String url) {
        property("provider.public-url", url);
    }

    @Option(names = "--mwm", paramLabel = "N", order = 6, description = "minimum weight magnitude of the node (iota.mwm, default 9)")
    void mwm(int mwm) {
        property(RoleSettings.MWM, String.valueOf(mwm));
    }

    @Override
    protected Role role() {
        return new ProviderRole();
    }
}
