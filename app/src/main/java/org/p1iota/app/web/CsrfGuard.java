package org.p1iota.app.web;

import java.util.Objects;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Refuses every state-changing request (POST, PUT, PATCH, DELETE) of a browser session that does not
 * carry the session's CSRF token, in the {@value #HEADER} header or, for HTML form posts, the
 * {@value #FORM_FIELD} form field. A token in the URL is refused: URLs end up in logs and histories.
 * Requests authenticated with a bearer token (see {@link AccessGate}) carry no ambient credential a
 * foreign page could ride on, and pass.
 */
public final class CsrfGuard implements Processor {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "_csrf";

    private static final int MAX_FORM_BODY = 16 * 1024;

    private final SessionManager sessions;

    public CsrfGuard(SessionManager sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void process(Exchange exchange) {
        if (!HttpRequests.isStateChanging(exchange) || AccessGate.isBearer(exchange)) {
            return;
        }
        Optional<Session> session = sessions.current(exchange);
        if (session.isEmpty()) {
            WebJson.fail(exchange, 403, "csrf_no_session", "This change needs a logged-in session; log in again.");
            return;
        }
        if (tokenInUrl(exchange)) {
            WebJson.fail(exchange, 403, "csrf_token_in_url", "The CSRF token must not be sent in the URL.");
            return;
        }
        Optional<String> presented = presentedToken(exchange);
        if (presented.isEmpty()) {
            WebJson.fail(exchange, 403, "csrf_token_missing",
                    "This change was refused: the request carries no " + HEADER + " header. Reload the page and try again.");
            return;
        }
        if (!Secrets.constantTimeEquals(session.get().csrfToken(), presented.get())) {
            WebJson.fail(exchange, 403, "csrf_token_invalid",
                    "This change was refused: the CSRF token does not belong to this session. Reload the page and try again.");
        }
    }

    private static boolean tokenInUrl(Exchange exchange) {
        try {
            return HttpRequests.queryParameters(exchange).containsKey(FORM_FIELD);
        } catch (IllegalArgumentException malformed) {
            return HttpRequests.queryString(exchange).contains(FORM_FIELD);
        }
    }

    private static Optional<String> presentedToken(Exchange exchange) {
        Optional<String> header = HttpRequests.header(exchange, HEADER);
        if (header.isPresent()) {
            return header;
        }
        if (!HttpRequests.hasContentType(exchange, "application/x-www-form-urlencoded")) {
            return Optional.empty();
        }
        // the form body itself (camel-jetty's copy of its fields in the headers is mixed with the URL's)
        String body = exchange.getIn().getBody(String.class);
        exchange.getIn().setBody(body);
        if (body == null || body.length() > MAX_FORM_BODY) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(HttpRequests.parseForm(body).get(FORM_FIELD)).filter(v -> !v.isEmpty());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
