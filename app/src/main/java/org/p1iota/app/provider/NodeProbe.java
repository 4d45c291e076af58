package org.p1iota.app.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the IOTA node answers, for {@code GET /api/status}: one {@code getNodeInfo} with a short
 * timeout, remembered for a few seconds so a page polling the status does not load the node.
 */
public final class NodeProbe {

    private static final Duration REMEMBER = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI node;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Instant checkedAt = Instant.MIN;
    private String state = "unknown";

    public NodeProbe(String nodeUrl, Clock clock) {
        this.node = URI.create(nodeUrl);
        this.clock = clock;
    }

    /** {@code ok} or {@code unreachable}. */
    public synchronized String state() {
        Instant now = clock.instant();
        if (checkedAt.plus(REMEMBER).isBefore(now)) {
            state = ask() ? "ok" : "unreachable";
            checkedAt = now;
        }
        return state;
    }

    private boolean ask() {
        HttpRequest request = HttpRequest.newBuilder(node).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("X-IOTA-API-Version", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"getNodeInfo\"}")).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
