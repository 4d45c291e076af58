package org.p1iota.app.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;

/** Reads what the web classes need from a camel-jetty request, without trusting header mapping. */
final class HttpRequests {

    private HttpRequests() {
    }

    static String method(Exchange exchange) {
        String method = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        return method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    static boolean isStateChanging(Exchange exchange) {
        return switch (method(exchange)) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    static Optional<String> header(Exchange exchange, String name) {
        return Optional.ofNullable(exchange.getIn().getHeader(name, String.class)).filter(v -> !v.isEmpty());
    }

    /** The value of cookie {@code name} in the request's Cookie header, if any. */
    static Optional<String> cookie(Exchange exchange, String name) {
        String header = exchange.getIn().getHeader("Cookie", String.class);
        if (header == null) {
            return Optional.empty();
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                return Optional.of(pair.substring(eq + 1).trim());
            }
        }
        return Optional.empty();
    }

    /** The raw query string parsed into its parameters (first occurrence wins). */
    static Map<String, String> queryParameters(Exchange exchange) {
        return parseForm(exchange.getIn().getHeader(Exchange.HTTP_QUERY, String.class));
    }

    static Map<String, String> parseForm(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed percent-encoding in '" + text + "'", e);
        }
    }

    static boolean hasJsonBody(Exchange exchange) {
        return header(exchange, Exchange.CONTENT_TYPE)
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("application/json"))
                .orElse(false);
    }
}
