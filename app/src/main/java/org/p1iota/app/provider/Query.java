package org.p1iota.app.provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.p1iota.app.web.HttpRequests;

/** A request's query parameters (first value of each), with typed getters whose errors say what was wrong. */
final class Query {

    private final Map<String, String> values;

    private Query(Map<String, String> values) {
        this.values = values;
    }

    static Query of(Exchange exchange) {
        Map<String, String> values = new HashMap<>();
        // the request's own query: camel-jetty's headers mix in whatever the query names (CamelHttpRawQuery too)
        String raw = HttpRequests.queryString(exchange);
        if (!raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.putIfAbsent(name, value);
            }
        }
        return new Query(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException("the query is not properly URL-encoded");
        }
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name)).filter(value -> !value.isEmpty());
    }

    Optional<Instant> instant(String name) {
        Optional<String> text = text(name);
        try {
            return text.map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new BadQueryException(name + " must be an ISO-8601 instant such as 2026-11-25T03:00:00Z");
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadQueryException(name + " must be a whole number from " + min + " to " + max);
    }

    /** A query parameter the API cannot use; answered with 400 bad_request. */
    static final class BadQueryException extends IllegalArgumentException {
        BadQueryException(String message) {
            super(message);
        }
    }
}
