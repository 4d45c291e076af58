package org.p1iota.app.myhome;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.p1iota.app.consent.policy.CommandRefusedException;
import org.p1iota.app.web.HttpRequests;
import org.p1iota.app.web.WebJson;

/** Reading My Home's API requests and answering refusals in docs/http-api.md's error shape. */
final class ApiRequests {

    static final int MAX_BODY = 16 * 1024;

    private ApiRequests() {
    }

    /** What an API method does; it answers the exchange itself, or refuses by throwing. */
    interface Answer<E extends Exception> {
        void run() throws ApiRefusal, EventChannelException, E;
    }

    /**
     * Runs one API method against the household's state: a refusal becomes its error answer, an
     * unreachable node a 502.
     */
    static <E extends Exception> void answer(EventStore store, Exchange exchange, Answer<E> answer) throws E {
        store.useContext(exchange.getContext());
        try {
            answer.run();
        } catch (ApiRefusal refusal) {
            refuse(exchange, refusal);
        } catch (EventChannelException e) {
            nodeUnreachable(exchange, e);
        }
    }

    static Map<String, String> query(Exchange exchange) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = HttpRequests.queryString(exchange);
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                parameters.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed pair is ignored, as if absent
            }
        }
        return parameters;
    }

    /** The request's JSON object; the body is kept as text so later steps can read it again. */
    static JsonNode jsonBody(Exchange exchange) throws ApiRefusal {
        if (!HttpRequests.hasJsonBody(exchange)) {
            throw new ApiRefusal(415, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
        }
        String body = exchange.getIn().getBody(String.class);
        exchange.getIn().setBody(body);
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            throw new ApiRefusal(400, "bad_request", "Send a JSON object of at most 16 KiB.");
        }
        try {
            JsonNode json = WebJson.mapper().readTree(body);
            if (json == null || !json.isObject()) {
                throw new ApiRefusal(400, "bad_request", "The request body must be a JSON object.");
            }
            return json;
        } catch (IOException e) {
            throw new ApiRefusal(400, "bad_request", "The request body is not valid JSON.");
        }
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static void refuse(Exchange exchange, ApiRefusal refusal) {
        WebJson.fail(exchange, refusal.status(), refusal.code(), refusal.getMessage());
    }

    static void nodeUnreachable(Exchange exchange, EventChannelException e) {
        WebJson.fail(exchange, 502, "node_unreachable",
                "My Home cannot reach its IOTA node right now; try again in a minute. (" + e.getMessage() + ")");
    }

    /** A command My Home's state refused, as an API answer. */
    static ApiRefusal refusal(CommandRefusedException e) {
        return switch (e.reason()) {
            case UNKNOWN_DEVICE, DEVICE_DELETED -> new ApiRefusal(422, "unknown_device", "No such device in this household: " + e.getMessage());
            case UNKNOWN_POLICY -> new ApiRefusal(404, "not_found", "No such policy: " + e.getMessage());
            case DEVICE_ALREADY_PAIRED -> new ApiRefusal(409, "already_paired", e.getMessage());
            case ALREADY_REVOKED -> new ApiRefusal(409, "already_revoked", e.getMessage());
            case ALREADY_GRANTED -> new ApiRefusal(409, "already_granted", e.getMessage());
            case INVALID_INPUT -> new ApiRefusal(400, "bad_request", e.getMessage());
        };
    }

}
