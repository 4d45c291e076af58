package org.p1iota.app.ops.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * The IOTA node the role talks to: {@code getNodeInfo} answers within a few seconds, and the node is in sync
 * (its solid milestone at most one behind the latest it knows; the embedded node reports 0 for both).
 */
public final class NodeHealthCheck extends ReadinessCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI node;
    private final String property;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param property the setting that names the node, quoted in the DOWN message */
    public NodeHealthCheck(String nodeUrl, String property) {
        super("iota-node");
        this.node = URI.create(nodeUrl);
        this.property = property;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("node", node.toString());
        HttpRequest request = HttpRequest.newBuilder(node).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("X-IOTA-API-Version", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"getNodeInfo\"}")).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            builder.down().message("IOTA node " + node + " does not answer (" + reason(e) + "): start it (systemctl start "
                    + "p1-iota-node) or point " + property + " at a running node");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down().message("interrupted while asking the IOTA node " + node);
            return;
        }
        if (response.statusCode() != 200) {
            builder.down().message("IOTA node " + node + " answers getNodeInfo with HTTP " + response.statusCode()
                    + ": is " + property + " the node's API address?");
            return;
        }
        try {
            JsonNode info = JSON.readTree(response.body());
            long latest = info.path("latestMilestoneIndex").asLong();
            long solid = info.path("latestSolidSubtangleMilestoneIndex").asLong();
            builder.detail("latestMilestoneIndex", latest).detail("latestSolidSubtangleMilestoneIndex", solid);
            if (solid < latest - 1) {
                builder.down().message("IOTA node " + node + " is not in sync (solid milestone " + solid + " of " + latest
                        + "): wait for it to catch up or use another node");
                return;
            }
        } catch (IOException e) {
            builder.down().message("IOTA node " + node + " answered getNodeInfo with something that is not JSON: is "
                    + property + " an IRI API address?");
            return;
        }
        builder.up();
    }

    private static String reason(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
