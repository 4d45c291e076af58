package org.p1iota.app.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;

/** Routes on a real Jetty at {@code 127.0.0.1:<free port>}, called with java.net.http. */
abstract class JettyRouteTestSupport extends CamelTestSupport {

    protected final int port = AvailablePortFinder.getNextAvailable();
    protected final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A jetty consumer URI on this test's port, e.g. {@code jetty("/api?matchOnUriPrefix=true")}. */
    protected String jetty(String pathAndOptions) {
        return "jetty:http://127.0.0.1:" + port + pathAndOptions;
    }

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, null, headers);
    }

    protected HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
