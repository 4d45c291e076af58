package org.p1iota.app.provider;

import java.util.Map;

import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleCommand;

/** {@code ./p1-iota provider}: runs the provider role (Wattt Insights) until Ctrl-C. */
public final class ProviderCommand extends RoleCommand {

    @Override
    public String name() {
        return ProviderRole.NAME;
    }

    @Override
    public String summary() {
        return "a service provider (Wattt Insights): asks households for consent, reads their meters, serves the readings";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota provider [--data DIR] [--node URL] [--port 8081] [--bind 127.0.0.1] [--myhome-url URL]
                                          [--public-url URL] [--routes DIR] [--PROPERTY VALUE]...
                  --data        data directory: seed, API token (api-token), database, channel state (p1iota.data)
                  --node        the IOTA node's API (provider.node-url, default http://127.0.0.1:14265)
                  --port        HTTP port of the web app and API (provider.port, default 8081)
                  --bind        address to listen on (provider.bind, default 127.0.0.1)
                  --myhome-url  the My Home households are sent to by default (provider.myhome-url)
                  --public-url  this site's address as browsers see it (provider.public-url, default http://localhost:PORT)
                  --mwm         minimum weight magnitude of the node (provider.mwm, default 9)
                Any property of application-provider.properties can be given as --name value.""";
    }

    @Override
    protected Map<String, String> shortOptions() {
        return Map.of("node", "provider.node-url", "port", "provider.port", "bind", "provider.bind",
                "myhome-url", "provider.myhome-url", "public-url", "provider.public-url", "mwm", "provider.mwm");
    }

    @Override
    protected Role role() {
        return new ProviderRole();
    }
}
