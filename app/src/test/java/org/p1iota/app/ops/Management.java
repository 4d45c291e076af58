package org.p1iota.app.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/** A started role's management server (camel.management.port = 0 in tests: the port it got). */
public record Management(int port) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    public static Management of(CamelContext context) {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("the role has no management server: camel.management.enabled?");
        }
        return new Management(server.getPort());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A health answer with Camel's escaping of '/' (written as \\\/ in the JSON) undone, to compare messages. */
    public static String text(HttpResponse<String> response) {
        return response.body().replace("\\\\\\/", "/").replace("\\/", "/");
    }

    /** The value of a sample line of /observe/metrics, e.g. {@code p1iota_p1_telegrams_read_total}. */
    public double metric(String sample) throws IOException, InterruptedException {
        for (String line : get("/observe/metrics").body().split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + sample + " in /observe/metrics");
    }
}
