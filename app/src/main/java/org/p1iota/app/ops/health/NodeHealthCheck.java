package org.p1iota.app.ops.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
    private static final byte[] GET_NODE_INFO = "{\"command\":\"getNodeInfo\"}".getBytes(StandardCharsets.US_ASCII);
    /** getNodeInfo's answer is a few hundred bytes; anything longer is not read. */
    private static final int MAX_ANSWER = 64 * 1024;

    private final URI node;
    private final String property;

    /** @param property the setting that names the node, quoted in the DOWN message */
    public NodeHealthCheck(String nodeUrl, String property) {
        super("iota-node");
        this.node = URI.create(nodeUrl);
        this.property = property;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("node", node.toString());
        int status;
        String body;
        try {
            // HttpURLConnection rather than java.net.http: on the device that client's classes, TLS set-up and
            // selector thread cost more memory than this one POST every few seconds is worth
            HttpURLConnection connection = (HttpURLConnection) node.toURL().openConnection();
            try {
                connection.setConnectTimeout((int) TIMEOUT.toMillis());
                connection.setReadTimeout((int) TIMEOUT.toMillis());
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setRequestProperty("X-IOTA-API-Version", "1");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(GET_NODE_INFO);
                }
                status = connection.getResponseCode();
                try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    body = in == null ? "" : new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
                }
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            builder.down().message("IOTA node " + node + " does not answer (" + reason(e) + "): start it (systemctl start "
                    + "p1-iota-node) or point " + property + " at a running node");
            return;
        }
        if (status != 200) {
            builder.down().message("IOTA node " + node + " answers getNodeInfo with HTTP " + status
                    + ": is " + property + " the node's API address?");
            return;
        }
        try {
            JsonNode info = JSON.readTree(body);
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
        if (e instanceof java.net.SocketTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
