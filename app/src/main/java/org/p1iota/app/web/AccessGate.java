package org.p1iota.app.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The first step of every protected route: lets in API clients with a valid bearer token, or
 * browsers with a live session whose state changes carry the CSRF token ({@link CsrfGuard}).
 * Anyone else gets 401 JSON, or for pages a 303 redirect to the login page.
 * <p>
 * It records who came in as the exchange property {@value #PRINCIPAL} ({@code bearer} or
 * {@code session}); the session itself is in {@value #SESSION}.
 */
public final class AccessGate implements Processor {

    public static final String PRINCIPAL = "p1iotaWebPrincipal";
    public static final String SESSION = "p1iotaWebSession";
    public static final String PUBLIC_ASSETS = "/assets/";

    private final SessionManager sessions;
    private final BearerAuth bearer;
    private final CsrfGuard csrf;
    private final String loginPage;

    /**
     * @param bearer    null when the app has no API clients
     * @param loginPage where unauthenticated page requests are sent, or null to answer 401 JSON
     */
    public AccessGate(SessionManager sessions, BearerAuth bearer, String loginPage) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.bearer = bearer;
        this.csrf = new CsrfGuard(sessions);
        if (loginPage != null && !loginPage.matches("/[A-Za-z0-9._/-]*")) {
            throw new IllegalArgumentException("login page must be a local path such as /login.html");
        }
        this.loginPage = loginPage;
    }

    /** A gate for JSON APIs: bearer token or session + CSRF, 401 otherwise. */
    public static AccessGate forApi(SessionManager sessions, BearerAuth bearer) {
        return new AccessGate(sessions, bearer, null);
    }

    /**
     * A gate for pages: a session, or a redirect to {@code loginPage}. The login page itself and
     * everything under {@value #PUBLIC_ASSETS} (scripts, styles: no household data) stay public.
     */
    public static AccessGate forPages(SessionManager sessions, String loginPage) {
        return new AccessGate(sessions, null, loginPage);
    }

    /**
     * A gate for pages that also lets API clients with the bearer token in: the pages route is where
     * the REST DSL sends what none of its verbs takes (a wrong method, an unknown {@code /api/} path),
     * and such a client should hear 405 or 404 there, not that its valid token is wrong.
     */
    public static AccessGate forPages(SessionManager sessions, BearerAuth bearer, String loginPage) {
        return new AccessGate(sessions, bearer, loginPage);
    }

    static boolean isBearer(Exchange exchange) {
        return "bearer".equals(exchange.getProperty(PRINCIPAL));
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        exchange.removeProperty(PRINCIPAL);
        if (loginPage != null && isPublic(exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class))) {
            return;
        }
        Optional<String> authorization = HttpRequests.header(exchange, "Authorization");
        if (authorization.isPresent()) {
            checkBearer(exchange, authorization.get());
            return;
        }
        Optional<Session> session = sessions.current(exchange);
        if (session.isEmpty()) {
            refuse(exchange);
            return;
        }
        exchange.setProperty(PRINCIPAL, "session");
        exchange.setProperty(SESSION, session.get());
        csrf.process(exchange);
    }

    /**
     * A bearer token is a guess like a login is: wrong ones count in the same per-client throttle, or
     * the token could be guessed at network speed through any API route instead of the login.
     */
    private void checkBearer(Exchange exchange, String authorization) {
        if (bearer == null) {
            BearerAuth.refuse(exchange);
            return;
        }
        String client = HttpRequests.remoteAddress(exchange).orElse(null);
        Optional<java.time.Duration> wait = sessions.throttle().waitFor(client);
        if (wait.isPresent()) {
            SessionManager.tooManyAttempts(exchange, wait.get());
        } else if (bearer.accepts(authorization)) {
            exchange.setProperty(PRINCIPAL, "bearer");
        } else {
            sessions.throttle().failed(client);
            BearerAuth.refuse(exchange);
        }
    }

    private boolean isPublic(String httpPath) {
        if (httpPath == null) {
            return false;
        }
        // camel-jetty gives the path below the endpoint's, without its leading slash for "/"
        String path = httpPath.startsWith("/") ? httpPath : "/" + httpPath;
        return path.equals(loginPage) || (path.startsWith(PUBLIC_ASSETS) && !path.contains(".."));
    }

    /** {@code ?next=<this page>} so the login page brings the household back, consent link and all. */
    private static String returnAfterLogin(Exchange exchange) {
        String uri = exchange.getIn().getHeader(Exchange.HTTP_URI, String.class);
        if (uri == null || !uri.startsWith("/") || uri.startsWith("//")) {
            return "";
        }
        String query = HttpRequests.queryString(exchange);
        String next = query.isEmpty() ? uri : uri + "?" + query;
        return "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    private void refuse(Exchange exchange) {
        if (loginPage != null && !HttpRequests.isStateChanging(exchange)) {
            exchange.getMessage().setBody("");
            exchange.getMessage().setHeader("Location", loginPage + returnAfterLogin(exchange));
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 303);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            exchange.setRouteStop(true);
            return;
        }
        WebJson.fail(exchange, 401, "not_logged_in", sessions.visitorsAllowed()
                ? "Your visit expired; reload the page." : "Log in with the household token.");
    }
}
