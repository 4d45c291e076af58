package org.p1iota.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Writes JSON responses and the error shape {@code {"error": code, "message": text}} every API uses.
 * Errors also stop the route, so a gate placed first in a route ends the exchange there.
 * <p>
 * The mapper is plain jackson-databind (no java.time module on the classpath): answer instants as
 * ISO-8601 strings ({@code instant.toString()}), and Optionals unwrapped.
 */
public final class WebJson {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    static final ObjectMapper MAPPER = new ObjectMapper();

    private WebJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static void respond(Exchange exchange, int status, Object body) {
        Message out = exchange.getMessage();
        try {
            out.setBody(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getName() + " as JSON", e);
        }
        out.setHeader(Exchange.CONTENT_TYPE, CONTENT_TYPE);
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }

    /** Answers with the error shape and stops the route: nothing after the caller runs. */
    public static void fail(Exchange exchange, int status, String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        respond(exchange, status, body);
        exchange.setRouteStop(true);
    }
}
