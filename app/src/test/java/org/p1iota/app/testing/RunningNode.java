package org.p1iota.app.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.iota.jota.IotaAPI;
import org.p1iota.app.node.NodeRole;
import org.p1iota.app.role.RoleRunner;
import org.p1iota.app.role.RoleSettings;

/** The node role started in this JVM on a free loopback port, with raw-HTTP and jota clients. */
public final class RunningNode implements AutoCloseable {

    public final int port;
    public final Path data;
    private final RoleRunner.Running running;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningNode(int port, Path data, RoleRunner.Running running) {
        this.port = port;
        this.data = data;
        this.running = running;
    }

    public static RunningNode start(Path data, int mwm) throws Exception {
        return start(data, mwm, freePort());
    }

    public static RunningNode start(Path data, int mwm, int port) throws Exception {
        return start(data, mwm, port, Map.of());
    }

    /** With further {@code node.*} properties, e.g. the attach limits. */
    public static RunningNode start(Path data, int mwm, Map<String, String> properties) throws Exception {
        return start(data, mwm, freePort(), properties);
    }

    private static RunningNode start(Path data, int mwm, int port, Map<String, String> properties) throws Exception {
        Map<String, String> commandLine = new java.util.HashMap<>(properties);
        commandLine.putAll(Map.of(
                RoleSettings.DATA_PROPERTY, data.toString(),
                "node.port", String.valueOf(port),
                "node.mwm", String.valueOf(mwm),
                "camel.main.jmx-enabled", "false"));
        RoleSettings settings = RoleSettings.load(NodeRole.NAME, commandLine);
        RoleRunner runner = new RoleRunner(new NodeRole(), settings, Optional.of(repositoryRoutes()));
        return new RunningNode(port, data, runner.start());
    }

    /** The repository's routes/ directory, so the tests run the file integrators edit. */
    /** The node role as started (its Camel context: management server, metrics). */
    public RoleRunner.Running running() {
        return running;
    }

    public static Path repositoryRoutes() {
        String root = System.getProperty("p1iota.repo.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return base.resolve("routes");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public IotaAPI jota() {
        return new IotaAPI.Builder().protocol("http").host("localhost").port(port).timeout(120).build();
    }

    /** POSTs a raw body, with the API version header unless {@code withVersion} is false. */
    public HttpResponse<String> post(String body, boolean withVersion) throws IOException, InterruptedException {
        return post(http, port, body, withVersion);
    }

    public HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body, true);
    }

    public static HttpResponse<String> post(HttpClient http, int port, String body, boolean withVersion)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withVersion) {
            request.header("X-IOTA-API-Version", "1");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        running.close();
    }
}
