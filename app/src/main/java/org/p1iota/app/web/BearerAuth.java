package org.p1iota.app.web;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Checks {@code Authorization: Bearer <token>} of API clients against the one configured token, in
 * constant time. As a processor it answers 401 (with {@code WWW-Authenticate: Bearer}) and stops
 * the route when the header is missing or wrong.
 */
public final class BearerAuth implements Processor {

    private static final String PREFIX = "bearer ";

    private final String token;

    public BearerAuth(String token) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("the API token must have at least 16 characters");
        }
        this.token = token;
    }

    /** True when {@code authorization} is {@code Bearer} followed by the token. */
    public boolean accepts(String authorization) {
        if (authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return false;
        }
        return Secrets.constantTimeEquals(token, authorization.substring(PREFIX.length()).strip());
    }

    @Override
    public void process(Exchange exchange) {
        if (!accepts(HttpRequests.header(exchange, "Authorization").orElse(null))) {
            refuse(exchange);
        }
    }

    static void refuse(Exchange exchange) {
        exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
        WebJson.fail(exchange, 401, "unauthorized", "Send Authorization: Bearer <token> with a valid token.");
    }
}
