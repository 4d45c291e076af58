package org.p1iota.app.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.http.common.HttpMessage;

/**
 * The one place the web classes read a request from: the servlet request camel-jetty hands over,
 * never the Camel message headers. camel-jetty copies query parameters (and form fields) into those
 * headers, so {@code ?Authorization=Bearer …}, {@code ?Cookie=…} or {@code ?Content-Type=…} would
 * read like the real thing there. {@link HeaderHygiene} keeps them out of the message as well; this
 * class does not depend on it.
 * <p>
 * An exchange that did not come from an HTTP request has no headers, cookies or query here: a
 * credential can only ever come from a real request.
 */
public final class HttpRequests {

    private HttpRequests() {
    }

    /** The servlet request behind the exchange, if it came from camel-jetty. */
    static Optional<HttpServletRequest> servletRequest(Exchange exchange) {
        HttpMessage message = exchange.getIn(HttpMessage.class);
        if (message == null) {
            message = exchange.getMessage(HttpMessage.class);
        }
        return Optional.ofNullable(message).map(HttpMessage::getRequest);
    }

    public static String method(Exchange exchange) {
        // CamelHttpMethod is written by the binding after the query is mapped, so it is the request's
        String method = servletRequest(exchange).map(HttpServletRequest::getMethod)
                .orElseGet(() -> exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class));
        return method == null ? "GET" : method.toUpperCase(Locale.ROOT);
    }

    public static boolean isStateChanging(Exchange exchange) {
        return switch (method(exchange)) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    /** The first value of the request header {@code name} (case-insensitive), if present and not empty. */
    public static Optional<String> header(Exchange exchange, String name) {
        return servletRequest(exchange).map(request -> request.getHeader(name)).filter(v -> !v.isEmpty());
    }

    /** The request's Content-Type header, if any. */
    public static Optional<String> contentType(Exchange exchange) {
        return servletRequest(exchange).map(HttpServletRequest::getContentType).filter(v -> !v.isEmpty());
    }

    /** The IP address of the client's end of the connection (no proxy header is believed). */
    public static Optional<String> remoteAddress(Exchange exchange) {
        return servletRequest(exchange).map(HttpServletRequest::getRemoteAddr).filter(v -> !v.isEmpty());
    }

    /** The value of cookie {@code name} in the request's Cookie headers (the first one of that name). */
    public static Optional<String> cookie(Exchange exchange, String name) {
        Optional<HttpServletRequest> request = servletRequest(exchange);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        for (String header : Collections.list(request.get().getHeaders("Cookie"))) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).trim());
                }
            }
        }
        return Optional.empty();
    }

    /** The raw (still encoded) query string, or empty. */
    public static String queryString(Exchange exchange) {
        return servletRequest(exchange).map(HttpServletRequest::getQueryString).orElse("");
    }

    /** The raw query string parsed into its parameters (first occurrence wins). */
    public static Map<String, String> queryParameters(Exchange exchange) {
        return parseForm(queryString(exchange));
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

    /** Whether the request's real Content-Type is {@code application/json}. */
    public static boolean hasJsonBody(Exchange exchange) {
        return hasContentType(exchange, "application/json");
    }

    static boolean hasContentType(Exchange exchange, String mediaType) {
        return contentType(exchange).map(type -> type.toLowerCase(Locale.ROOT).startsWith(mediaType)).orElse(false);
    }
}
