package org.p1iota.app.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;

/**
 * The query of {@code GET /api/readings?household=&from=&to=&limit=&format=}, checked: a household id,
 * an optional half-open time range {@code [from, to)}, a limit of 1 to {@value #MAX_LIMIT} (default
 * {@value #DEFAULT_LIMIT}), and JSON or CSV ({@code format=csv} or {@code Accept: text/csv}).
 */
public record ReadingsQuery(String household, Optional<Instant> from, Optional<Instant> to, int limit, boolean csv) {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public ReadingsQuery {
        if (household == null || !ID.matcher(household).matches()) {
            throw new IllegalArgumentException("household must be 8 to 64 characters of A-Z a-z 0-9 _ -");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Reads the query of the request; answers 400 with the error shape (and returns empty) when it is bad. */
    public static Optional<ReadingsQuery> of(Exchange exchange) {
        Map<String, String> parameters;
        try {
            parameters = HttpRequests.queryParameters(exchange);
            String format = parameters.getOrDefault("format", "").toLowerCase(Locale.ROOT);
            if (!format.isEmpty() && !format.equals("csv") && !format.equals("json")) {
                throw new IllegalArgumentException("format must be json or csv");
            }
            boolean csv = format.equals("csv") || (format.isEmpty() && HttpRequests.header(exchange, "Accept")
                    .map(accept -> accept.toLowerCase(Locale.ROOT).contains("text/csv")).orElse(false));
            return Optional.of(new ReadingsQuery(parameters.get("household"), instant(parameters, "from"),
                    instant(parameters, "to"), limit(parameters.get("limit")), csv));
        } catch (IllegalArgumentException e) {
            WebJson.fail(exchange, 400, "bad_request", "Bad readings query: " + e.getMessage() + ".");
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an instant such as 2026-11-25T03:00:00Z");
        }
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number");
        }
    }
}
