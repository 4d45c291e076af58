package org.p1iota.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;

/**
 * Browser sessions for one household (My Home) or for visitors (a provider's demo app).
 * <p>
 * Logging in with the household token opens a session whose id (128 random bits or more) lives only
 * in an {@code HttpOnly; SameSite=Strict} cookie; logout forgets it at once; an expired session is
 * gone. A client (remote address) that sends wrong tokens is slowed down by {@link LoginThrottle},
 * with growing delays, so the token cannot be guessed at network speed; other clients, the
 * household's own browser among them, are not affected.
 * <p>
 * Route methods (use as {@code bean: {ref: sessions, method: login}}): {@link #login(Exchange)},
 * {@link #logout(Exchange)}, {@link #describe(Exchange)}.
 */
public final class SessionManager {

    public static final String DEFAULT_COOKIE = "p1iota_session";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);
    private static final int SESSION_ID_BYTES = 24;
    private static final int CSRF_TOKEN_BYTES = 24;
    private static final int MAX_LOGIN_BODY = 4096;
    /** Visitor sessions cost nothing to open; past this many the one closest to expiry goes. */
    static final int MAX_SESSIONS = 10_000;

    private final String householdToken;
    private final String cookieName;
    private final Duration lifetime;
    private final boolean secureCookie;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final LoginThrottle throttle;

    /**
     * @param householdToken the secret that opens a session; null for visitor sessions, which
     *                       {@link #describe(Exchange)} opens without a login (a provider's public app)
     * @param cookieName     distinct per app: browsers do not separate cookies by port
     * @param secureCookie   adds {@code Secure}; set it whenever the app is served over https
     */
    public SessionManager(String householdToken, String cookieName, Duration lifetime, boolean secureCookie, Clock clock) {
        if (householdToken != null && householdToken.length() < 16) {
            throw new IllegalArgumentException("the household token must have at least 16 characters");
        }
        if (cookieName == null || !cookieName.matches("[A-Za-z0-9_]{1,40}")) {
            throw new IllegalArgumentException("cookie name must be 1 to 40 of A-Z a-z 0-9 _");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("session lifetime must be positive");
        }
        this.householdToken = householdToken;
        this.cookieName = cookieName;
        this.lifetime = lifetime;
        this.secureCookie = secureCookie;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttle = new LoginThrottle(clock);
    }

    /** Sessions opened with {@code householdToken}, cookie {@value #DEFAULT_COOKIE}, 8 hours. */
    public static SessionManager forHousehold(String householdToken, boolean secureCookie) {
        return new SessionManager(Objects.requireNonNull(householdToken, "householdToken"), DEFAULT_COOKIE,
                DEFAULT_LIFETIME, secureCookie, Clock.systemUTC());
    }

    /** Sessions any visitor gets on first contact, so state changes still carry a CSRF token. */
    public static SessionManager forVisitors(String cookieName, boolean secureCookie) {
        return new SessionManager(null, cookieName, DEFAULT_LIFETIME, secureCookie, Clock.systemUTC());
    }

    public String cookieName() {
        return cookieName;
    }

    public boolean visitorsAllowed() {
        return householdToken == null;
    }

    /**
     * Opens a session when {@code presentedToken} is the household token and {@code client} (its
     * remote address) is not waiting out earlier wrong tokens. A missing token is no guess and
     * costs nothing.
     */
    public Optional<Session> open(String client, String presentedToken) {
        if (householdToken == null || presentedToken == null || throttle.waitFor(client).isPresent()) {
            return Optional.empty();
        }
        if (!Secrets.constantTimeEquals(householdToken, presentedToken)) {
            throttle.failed(client);
            return Optional.empty();
        }
        throttle.succeeded(client);
        return Optional.of(newSession(clock.instant()));
    }

    /** A visitor session (only for managers without a household token). */
    public Session openVisitor() {
        if (!visitorsAllowed()) {
            throw new IllegalStateException("this app logs in with the household token; it has no visitor sessions");
        }
        return newSession(clock.instant());
    }

    private synchronized Session newSession(Instant now) {
        sessions.values().removeIf(s -> !now.isBefore(s.expiresAt()));
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparing(Session::expiresAt))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session session = new Session(Secrets.randomToken(SESSION_ID_BYTES), Secrets.randomToken(CSRF_TOKEN_BYTES),
                now.plus(lifetime));
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<Session> find(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Session session = sessions.get(sessionId);
        if (session != null && !clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(sessionId, session);
            return Optional.empty();
        }
        return Optional.ofNullable(session);
    }

    /** The session named by the request's cookie, if it is alive. */
    public Optional<Session> current(Exchange exchange) {
        return HttpRequests.cookie(exchange, cookieName).flatMap(this::find);
    }

    public void close(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    public String setCookie(Session session) {
        long seconds = Math.max(1, Duration.between(clock.instant(), session.expiresAt()).toSeconds());
        return cookieName + "=" + session.id() + "; Path=/; Max-Age=" + seconds + "; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : "");
    }

    public String clearCookie() {
        return cookieName + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : "");
    }

    /** {@code POST /login} with {@code {"token": "..."}}: 200 {@code {csrfToken, expiresAt}} and the cookie. */
    public void login(Exchange exchange) {
        if (!HttpRequests.hasJsonBody(exchange)) {
            WebJson.fail(exchange, 415, "unsupported_media_type", "Send the token as JSON: {\"token\": \"...\"}.");
            return;
        }
        String client = HttpRequests.remoteAddress(exchange).orElse(null);
        Optional<Duration> wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            tooManyAttempts(exchange, wait.get());
            return;
        }
        Optional<Session> session = open(client, tokenFrom(exchange.getIn().getBody(String.class)));
        if (session.isEmpty()) {
            WebJson.fail(exchange, 401, "wrong_token", householdToken == null
                    ? "This app has no login." : "That is not this household's token.");
            return;
        }
        exchange.getMessage().setHeader("Set-Cookie", setCookie(session.get()));
        WebJson.respond(exchange, 200, describeBody(session.get()));
    }

    /** The throttle of wrong tokens per client; {@link AccessGate} counts wrong bearer tokens in it too. */
    LoginThrottle throttle() {
        return throttle;
    }

    /** 429 {@code too_many_attempts} with {@code Retry-After}: the client must wait {@code wait}. */
    static void tooManyAttempts(Exchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getMessage().setHeader("Retry-After", String.valueOf(seconds));
        WebJson.fail(exchange, 429, "too_many_attempts", "Too many wrong tokens from this address. Wait "
                + seconds + (seconds == 1 ? " second" : " seconds") + " and try again.");
    }

    private static String tokenFrom(String body) {
        if (body == null || body.length() > MAX_LOGIN_BODY) {
            return null;
        }
        try {
            JsonNode token = WebJson.MAPPER.readTree(body).get("token");
            return token != null && token.isTextual() ? token.asText().strip() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code POST /logout} (after the CSRF guard): forgets the session and clears the cookie. */
    public void logout(Exchange exchange) {
        HttpRequests.cookie(exchange, cookieName).ifPresent(this::close);
        exchange.getMessage().setHeader("Set-Cookie", clearCookie());
        WebJson.respond(exchange, 200, Map.of("authenticated", false));
    }

    /**
     * {@code GET /api/session}: {@code {authenticated, csrfToken, expiresAt}}, or 401. For visitor
     * sessions, opens one when the browser has none.
     */
    public void describe(Exchange exchange) {
        Optional<Session> session = current(exchange);
        if (session.isEmpty() && visitorsAllowed()) {
            session = Optional.of(openVisitor());
            exchange.getMessage().setHeader("Set-Cookie", setCookie(session.get()));
        }
        if (session.isEmpty()) {
            WebJson.fail(exchange, 401, "not_logged_in", "Log in with the household token.");
            return;
        }
        WebJson.respond(exchange, 200, describeBody(session.get()));
    }

    private static Map<String, Object> describeBody(Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authenticated", true);
        body.put("csrfToken", session.csrfToken());
        body.put("expiresAt", session.expiresAt().toString());
        return body;
    }
}
