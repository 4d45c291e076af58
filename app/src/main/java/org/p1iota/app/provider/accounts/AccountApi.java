package org.p1iota.app.provider.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.p1iota.app.web.AccessGate;
import org.p1iota.app.web.HttpRequests;
import org.p1iota.app.web.LoginThrottle;
import org.p1iota.app.web.Session;
import org.p1iota.app.web.SessionManager;
import org.p1iota.app.web.WebJson;

/**
 * {@code /api/account}: sign up, log in, log out, and who is logged in (docs/http-api.md "Accounts").
 * Behind {@code watttApiGate}: a visitor session with its CSRF token. Logging in or signing up opens
 * a new session (a session id known before the login is worth nothing after it) tied to the account;
 * which session holds which account is kept in memory, like the sessions themselves, while the
 * accounts and their meters are in the database and survive restarts. Wrong passwords are throttled
 * per client as My Home's wrong tokens are ({@link LoginThrottle}).
 */
public final class AccountApi {

    private static final int MAX_BODY = 4096;
    private static final int MAX_SESSIONS = 10_000;

    private final AccountStore accounts;
    private final SessionManager sessions;
    private final LoginThrottle throttle;
    private final Map<String, String> accountBySession = new ConcurrentHashMap<>();
    private volatile java.util.function.Function<Exchange, java.util.Set<String>> sessionHouseholds = exchange -> java.util.Set.of();

    /** Where the households a visitor connected before logging in are found, to be kept by the account. */
    public void onLogin(java.util.function.Function<Exchange, java.util.Set<String>> sessionHouseholds) {
        this.sessionHouseholds = sessionHouseholds;
    }

    public AccountApi(AccountStore accounts, SessionManager sessions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = new LoginThrottle(clock);
    }

    public AccountStore store() {
        return accounts;
    }

    /** The account of the calling session, if it logged in. */
    public Optional<String> accountOf(Exchange exchange) {
        if (!"session".equals(exchange.getProperty(AccessGate.PRINCIPAL))) {
            return Optional.empty();
        }
        Session session = exchange.getProperty(AccessGate.SESSION, Session.class);
        return session == null ? Optional.empty() : Optional.ofNullable(accountBySession.get(key(session.id())));
    }

    // One method per REST verb of routes/provider.yaml (/api/account[/signup|/login|/logout]).
    public void describe(Exchange exchange) throws SQLException {
        Optional<String> account = accountOf(exchange);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loggedIn", account.isPresent());
        body.put("email", account.isPresent() ? accounts.email(account.get()).orElse(null) : null);
        List<Map<String, Object>> meters = account.isPresent() ? accounts.metersOf(account.get()).stream().map(m -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("household", m.household());
            json.put("name", m.name());
            return json;
        }).toList() : List.of();
        body.put("meters", meters);
        WebJson.respond(exchange, 200, body);
    }

    public void signUp(Exchange exchange) throws SQLException {
        JsonNode body = body(exchange);
        if (body == null) {
            return;
        }
        Optional<String> created;
        try {
            created = accounts.signUp(text(body, "email"), text(body, "password"));
        } catch (IllegalArgumentException e) {
            WebJson.fail(exchange, 400, "bad_request", e.getMessage());
            return;
        }
        if (created.isEmpty()) {
            WebJson.fail(exchange, 409, "account_exists", "There is already an account for this address: log in instead.");
            return;
        }
        loggedIn(exchange, created.get(), 201);
    }

    public void logIn(Exchange exchange) throws SQLException {
        JsonNode body = body(exchange);
        if (body == null) {
            return;
        }
        String client = HttpRequests.remoteAddress(exchange).orElse(null);
        Optional<Duration> wait = throttle.waitFor(client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            exchange.getMessage().setHeader("Retry-After", String.valueOf(seconds));
            WebJson.fail(exchange, 429, "too_many_attempts", "Too many wrong passwords from this address. Wait " + seconds
                    + (seconds == 1 ? " second" : " seconds") + " and try again.");
            return;
        }
        Optional<String> account = accounts.logIn(text(body, "email"), text(body, "password"));
        if (account.isEmpty()) {
            throttle.failed(client);
            WebJson.fail(exchange, 401, "wrong_credentials", "That e-mail address and password do not match an account.");
            return;
        }
        throttle.succeeded(client);
        loggedIn(exchange, account.get(), 200);
    }

    private void loggedIn(Exchange exchange, String accountId, int status) throws SQLException {
        for (String household : sessionHouseholds.apply(exchange)) {
            accounts.adopt(household, accountId);
        }
        Session old = exchange.getProperty(AccessGate.SESSION, Session.class);
        if (old != null) {
            accountBySession.remove(key(old.id()));
            sessions.close(old.id());
        }
        Session fresh = sessions.openVisitor();
        if (accountBySession.size() >= MAX_SESSIONS) {
            accountBySession.clear();
        }
        accountBySession.put(key(fresh.id()), accountId);
        exchange.getMessage().setHeader("Set-Cookie", sessions.setCookie(fresh));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loggedIn", true);
        body.put("email", accounts.email(accountId).orElse(null));
        body.put("csrfToken", fresh.csrfToken());
        body.put("expiresAt", fresh.expiresAt().toString());
        WebJson.respond(exchange, status, body);
    }

    public void logOut(Exchange exchange) {
        Session session = exchange.getProperty(AccessGate.SESSION, Session.class);
        if (session != null) {
            accountBySession.remove(key(session.id()));
            sessions.close(session.id());
        }
        exchange.getMessage().setHeader("Set-Cookie", sessions.clearCookie());
        WebJson.respond(exchange, 200, Map.of("loggedIn", false));
    }

    private static JsonNode body(Exchange exchange) {
        if (!HttpRequests.hasJsonBody(exchange)) {
            WebJson.fail(exchange, 415, "unsupported_media_type", "Send a JSON object: {\"email\": …, \"password\": …}.");
            return null;
        }
        String text = exchange.getIn().getBody(String.class);
        try {
            JsonNode json = text == null || text.length() > MAX_BODY ? null : WebJson.mapper().readTree(text);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (java.io.IOException e) {
            // answered below
        }
        WebJson.fail(exchange, 400, "bad_request", "Send a JSON object: {\"email\": …, \"password\": …}.");
        return null;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The map holds hashes of session ids, never the cookie values. */
    private static String key(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
