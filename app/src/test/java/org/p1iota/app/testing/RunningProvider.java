package org.p1iota.app.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.provider.ProviderRole;
import org.p1iota.app.role.RoleRunner;
import org.p1iota.app.role.RoleSettings;

/**
 * The provider role (Wattt Insights) started in this JVM on a free loopback port, following the
 * given node, with short poll delays; plus an HTTP client that calls its API with the provider's
 * bearer token. Restart by closing and starting again on the same data directory and port.
 */
public final class RunningProvider implements AutoCloseable {

    public final int port;
    public final Path data;
    public final String token;
    private final RoleRunner.Running running;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningProvider(int port, Path data, String token, RoleRunner.Running running) {
        this.port = port;
        this.data = data;
        this.token = token;
        this.running = running;
    }

    /** Starts on a free port. {@code extra} overrides any property (e.g. provider.myhome-url). */
    public static RunningProvider start(Path data, int nodePort, int mwm, Map<String, String> extra) throws Exception {
        return start(data, nodePort, mwm, RunningNode.freePort(), extra);
    }

    public static RunningProvider start(Path data, int nodePort, int mwm, int port, Map<String, String> extra) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put(RoleSettings.DATA_PROPERTY, data.toString());
        properties.put("provider.port", String.valueOf(port));
        properties.put("iota.node-url", "http://127.0.0.1:" + nodePort);
        properties.put("iota.mwm", String.valueOf(mwm));
        properties.put("provider.inbox-poll-delay", "200");
        properties.put("provider.follow-delay", "200");
        properties.put("camel.main.jmx-enabled", "false");
        properties.putAll(extra);
        RoleSettings settings = RoleSettings.load(ProviderRole.NAME, properties);
        RoleRunner.Running running = new RoleRunner(new ProviderRole(), settings, Optional.of(RunningNode.repositoryRoutes())).start();
        String token = Files.readString(data.resolve(SecretStore.API_TOKEN), StandardCharsets.US_ASCII).strip();
        return new RunningProvider(port, data, token, running);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public RoleRunner.Running running() {
        return running;
    }

    /** GET with the bearer token and the given Accept header. */
    public HttpResponse<String> get(String pathAndQuery, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, "application/json");
    }

    /** POST of a JSON body with the bearer token. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        running.close();
    }
}
