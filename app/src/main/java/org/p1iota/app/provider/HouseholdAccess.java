package org.p1iota.app.provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.p1iota.app.provider.accounts.AccountApi;
import org.p1iota.app.web.AccessGate;
import org.p1iota.app.web.Session;

/**
 * Who may see which household. The provider's API clients (bearer token) see all of them. A visitor
 * of the pages sees the households whose consent request was created in its own session, so one
 * visitor never reads another household's meter ({@code provider.visitor-scope = session}, the
 * default); {@code all} lets every visitor see every household (a single-tenant demo). The
 * session-to-household map is in memory: a visitor whose session ended or who comes back after a
 * restart connects again.
 */
public final class HouseholdAccess {

    public static final int MAX_PER_SESSION = 64;

    private final boolean visitorsSeeAll;
    private final Map<String, Set<String>> bySession = new ConcurrentHashMap<>();
    /** Issue 16: a logged-in customer sees its account's households, across sessions and restarts. */
    private volatile AccountApi accounts;

    public HouseholdAccess(boolean visitorsSeeAll) {
        this.visitorsSeeAll = visitorsSeeAll;
    }

    public void useAccounts(AccountApi accounts) {
        this.accounts = accounts;
        accounts.onLogin(this::sessionHouseholds);
    }

    /** The households the calling session created (a visitor who then signs up or logs in keeps them). */
    public Set<String> sessionHouseholds(Exchange exchange) {
        String session = sessionKey(exchange);
        return session == null ? Set.of() : Set.copyOf(bySession.getOrDefault(session, Set.of()));
    }

    /** The account of the calling session, if it logged in. */
    public Optional<String> account(Exchange exchange) {
        return accounts == null ? Optional.empty() : accounts.accountOf(exchange);
    }

    /** Records that the caller created {@code household}. */
    public void created(Exchange exchange, String household) {
        String session = sessionKey(exchange);
        if (session != null) {
            Set<String> own = bySession.computeIfAbsent(session, key -> ConcurrentHashMap.newKeySet());
            if (own.size() < MAX_PER_SESSION) {
                own.add(household);
            }
        }
    }

    public boolean maySee(Exchange exchange, String household) {
        if (visitorsSeeAll || "bearer".equals(exchange.getProperty(AccessGate.PRINCIPAL))) {
            return true;
        }
        String session = sessionKey(exchange);
        if (session != null && bySession.getOrDefault(session, Set.of()).contains(household)) {
            return true;
        }
        Optional<String> account = account(exchange);
        try {
            return account.isPresent() && accounts.store().meter(household)
                    .map(m -> account.get().equals(m.accountId())).orElse(false);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the account's meters: " + e.getMessage(), e);
        }
    }

    /** The session's key in the map: a hash, so the map holds no cookie value. */
    private static String sessionKey(Exchange exchange) {
        if (!"session".equals(exchange.getProperty(AccessGate.PRINCIPAL))) {
            return null;
        }
        Session session = exchange.getProperty(AccessGate.SESSION, Session.class);
        if (session == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(session.id().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
