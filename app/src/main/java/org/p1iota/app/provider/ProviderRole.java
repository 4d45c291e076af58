package org.p1iota.app.provider;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleBeans;
import org.p1iota.app.role.RoleSettings;
import org.p1iota.app.web.AccessGate;
import org.p1iota.app.web.BearerAuth;
import org.p1iota.app.web.HeaderHygiene;
import org.p1iota.app.web.RequestLimits;
import org.p1iota.app.web.ProviderMetadataEndpoint;
import org.p1iota.app.web.SecurityHeaders;
import org.p1iota.app.web.ServerSentEvents;
import org.p1iota.app.web.SessionManager;
import org.p1iota.app.web.StaticAssets;

/**
 * The {@code provider} role (example: Wattt Insights): consent requests, key receipt, following the
 * households' data channels into an H2 database, and the web app on {@code provider.port}.
 * Beans for {@code routes/provider.yaml}: {@code consentRequests}, {@code keyReceipt},
 * {@code channelReader}, {@code providerApi}, and the web layer's {@code securityHeaders},
 * {@code headerHygiene}, {@code watttSessions}, {@code watttApiGate}, {@code watttAssets},
 * {@code providerMetadata}.
 */
public final class ProviderRole implements Role {

    public static final String NAME = "provider";

    @Override
    public String name() {
        return NAME;
    }

    private static boolean visitorScope(String scope) {
        return switch (scope.strip()) {
            case "session" -> false;
            case "all" -> true;
            default -> throw new IllegalArgumentException("provider.visitor-scope must be session or all, not '" + scope + "'");
        };
    }

    @Override
    public void bind(RoleSettings settings, RoleBeans beans) throws Exception {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        Path data = settings.dataDirectory();
        SecretStore secrets = SecretStore.open(data, random);
        ProviderProfile profile = new ProviderProfile(settings.get("provider.name", "Wattt Insights"),
                settings.get("provider.goal", "Show your energy use per hour and per day"),
                settings.get("provider.public-url", "http://localhost:" + settings.get("provider.port", "8081")),
                settings.get("provider.myhome-url", "http://localhost:8080"),
                ZoneId.of(settings.get("provider.zone", "Europe/Amsterdam")));

        ProviderDatabase database = beans.closeOnStop(ProviderDatabase.open(data.resolve("provider-db")));
        HouseholdStore households = new HouseholdStore(database);
        ReadingStore readings = new ReadingStore(database);
        ServerSentEvents sse = beans.closeOnStop(new ServerSentEvents(
                Duration.ofSeconds(settings.getInt("provider.sse-heartbeat-seconds", 15)), ServerSentEvents.DEFAULT_QUEUE));
        ProviderHouseholdEvents events = new ProviderHouseholdEvents(sse);
        beans.bind("providerLiveStreamsCloser", new LiveStreamsCloser(sse));
        ConsentRequests requests = new ConsentRequests(secrets.seed(), households, profile, random, clock);
        KeyReceipt keyReceipt = beans.closeOnStop(new KeyReceipt(households, requests, events, clock,
                Duration.ofMinutes(settings.getLong("provider.request-ttl-minutes", 60))));

        ConsentEnds ends = new ConsentEnds(database);
        keyReceipt.useConsentEnds(ends);
        ChannelReader channelReader = new ChannelReader(households, readings, requests, events, clock);
        channelReader.useConsentEnds(ends);

        beans.bind("consentRequests", requests);
        beans.bind("keyReceipt", keyReceipt);
        beans.bind("channelReader", channelReader);
        beans.bind("providerApi", new ProviderApi(requests, keyReceipt, households, readings, events,
                new NodeProbe(settings.get("provider.node-url", "http://127.0.0.1:14265"), clock), profile, clock,
                settings.getInt("provider.sse-max-clients", 32),
                new HouseholdAccess(visitorScope(settings.get("provider.visitor-scope", "session"))),
                settings.getInt("provider.max-open-requests", 100)));

        boolean secure = profile.publicUrl().startsWith("https:");
        SessionManager sessions = SessionManager.forVisitors("wattt_session", secure);
        // stateless and shared with My Home's routes when a demo binds both roles into one registry
        if (beans.get("securityHeaders", SecurityHeaders.class) == null) {
            beans.bind("securityHeaders", new SecurityHeaders());
        }
        if (beans.get("headerHygiene", HeaderHygiene.class) == null) {
            beans.bind("headerHygiene", new HeaderHygiene());
        }
        if (beans.get("requestLimits", RequestLimits.class) == null) {
            beans.bind("requestLimits", new RequestLimits());
        }
        beans.bind("watttSessions", sessions);
        beans.bind("watttApiGate", AccessGate.forApi(sessions, new BearerAuth(secrets.apiToken().value())));
        beans.bind("watttAssets", new StaticAssets("web/wattt", "web/common"));
        beans.bind("providerMetadata", new ProviderMetadataEndpoint(requests::metadata));
    }
}
