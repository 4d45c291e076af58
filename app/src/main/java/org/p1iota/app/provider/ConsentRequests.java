package org.p1iota.app.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.p1iota.app.consent.delivery.GrantSecret;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.delivery.ProviderKeys;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.policy.ScopeParameters;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.RandomIds;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.app.web.ProviderMetadata;
import org.p1iota.iota.envelope.EnvelopeException;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.envelope.EnvelopeScheme;

/**
 * Creates consent requests and answers for their keys. Request n gets inbox address n of the
 * provider's seed and envelope key pair n derived from the same seed, so only the index is stored
 * for them: the private key is re-derived when MAM_DATA or a KEY_ROTATION must be opened, and the
 * well-known metadata names the request's own address and key ({@code ?requestId=}). Each request
 * also gets a random grant secret, stored, and given only to the household in the consent link's
 * fragment: the public metadata never names it, so only the device the household grants can prove
 * its key delivery.
 */
public final class ConsentRequests {

    public static final EnvelopeScheme SCHEME = EnvelopeScheme.ML_KEM_768;

    /** Key indexes drawn for one request at most, when other instances keep taking them first. */
    private static final int MAX_DRAWS = 20;

    private final Seed seed;
    private final HouseholdStore households;
    private final ProviderProfile profile;
    private final SecureRandom random;
    private final Clock clock;
    private final Map<Integer, EnvelopeKeyPair> keyPairs = new ConcurrentHashMap<>();

    public ConsentRequests(Seed seed, HouseholdStore households, ProviderProfile profile, SecureRandom random, Clock clock) {
        this.seed = seed;
        this.households = households;
        this.profile = profile;
        this.random = random;
        this.clock = clock;
    }

    /** A created request and the consent page to send the household to (its fragment holds the grant secret). */
    public record Created(String id, String myHomeUrl) {
        @Override
        public String toString() {
            return "Created[id=" + id + ", consent link hidden]";
        }
    }

    /**
     * Draws the next index, stores the request, and builds the consent link.
     *
     * @param myHome the household's My Home ({@code http(s)://host[:port][/path]}), or empty for the configured one
     */
    public synchronized Created create(Optional<String> myHome) throws SQLException {
        return create(myHome, null, null);
    }

    /**
     * @param scope    what the request asks for (null: the full scope: every telegram, everything)
     * @param duration for how long (null: until revoked)
     */
    public synchronized Created create(Optional<String> myHome, Scope scope, Duration duration) throws SQLException {
        String base = myHomeBase(myHome.orElse(profile.myHomeUrl()));
        // instances sharing one database may draw the same index at once: the unique key decides, the loser
        // draws again after a random pause (without it, two instances creating in step collide every time)
        for (int attempt = 1; ; attempt++) {
            int index = households.nextKeyIndex();
            String id = "req_" + RandomIds.of(random);
            String inbox = InboxAddress.at(seed, index);
            String grantSecret = GrantSecret.generate(random);
            try {
                households.insert(new Household(id, index, inbox, profile.goal(), clock.instant(), HouseholdState.WAITING_FOR_KEYS,
                        null, null, null, grantSecret, 0));
            } catch (SQLException e) {
                if (ProviderDatabase.isDuplicate(e) && attempt < MAX_DRAWS) {
                    pauseBeforeDrawing(attempt);
                    continue;
                }
                throw e;
            }
            return link(base, id, index, inbox, grantSecret, scope, duration);
        }
    }

    private void pauseBeforeDrawing(int attempt) throws SQLException {
        try {
            Thread.sleep(1 + random.nextInt(5 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while drawing a key index", e);
        }
    }

    private Created link(String base, String id, int index, String inbox, String grantSecret, Scope scope, Duration duration) {
        String returnUrl = profile.publicUrl() + "/?household=" + id;
        // the grant secret goes in the fragment: the browser never sends it to a server (nor in a Referer)
        String link = base + "/new-policy?requestId=" + encode(id) + "&inbox=" + inbox
                + "&publicKey=" + keyPair(index).publicKey().toBase64Url() + "&goal=" + encode(profile.goal())
                + "&returnUrl=" + encode(returnUrl) + ScopeParameters.query(scope, duration) + "#grantSecret=" + grantSecret;
        return new Created(id, link);
    }

    /** What {@code /.well-known/p1-iota-provider.json?requestId=} publishes for a request. */
    public Optional<ProviderMetadata> metadata(Optional<String> requestId) {
        if (requestId.isEmpty()) {
            return Optional.empty();
        }
        try {
            return households.find(requestId.get()).map(h -> ProviderMetadata.of(profile.name(), h.inbox(),
                    keyPair(h.keyIndex()).publicKey().toBase64Url(), SCHEME.displayName()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the consent requests: " + e.getMessage(), e);
        }
    }

    /** Opens this household's MAM_DATA and KEY_ROTATION entries with its own key pair. */
    public ProviderKeys keys(Household household) {
        return new ProviderKeys(household.id(), household.grantSecret(), new ProtocolCodec(),
                PostQuantumEnvelopes.opener(keyPair(household.keyIndex())));
    }

    private EnvelopeKeyPair keyPair(int index) {
        return keyPairs.computeIfAbsent(index, n -> {
            try {
                return EnvelopeKeys.derive(SCHEME, seed.trytes(), n);
            } catch (EnvelopeException e) {
                throw new IllegalStateException("cannot derive key pair " + n + ": " + e.getMessage(), e);
            }
        });
    }

    /** Checks a My Home address and drops a trailing slash; the household's browser is sent there. */
    static String myHomeBase(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("myHome is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("myHome must be an http or https address such as http://localhost:8080,"
                    + " without user name, query or fragment");
        }
        String base = uri.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
