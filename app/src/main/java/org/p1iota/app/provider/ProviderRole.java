package org.p1iota.app.provider;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.provider.accounts.AccountApi;
import org.p1iota.app.provider.accounts.AccountStore;
import org.p1iota.app.provider.accounts.PasswordHashing;
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

    /**
     * The embedded H2 file in the data directory, or the server of {@code provider.database.url}
     * (user and password from {@code provider.database.user} / {@code .password}, or the password from
     * the file {@code provider.database.password-file}, which keeps it out of the command line).
     */
    static ProviderDatabase openDatabase(RoleSettings settings, Path data) throws Exception {
        String url = settings.get("provider.database.url", "").strip();
        if (url.isEmpty()) {
            return ProviderDatabase.open(data.resolve("provider-db"));
        }
        String password = settings.get("provider.database.password", "");
        String passwordFile = settings.get("provider.database.password-file", "").strip();
        if (!passwordFile.isEmpty()) {
            password = java.nio.file.Files.readString(Path.of(passwordFile)).strip();
        }
        return ProviderDatabase.open(url, settings.get("provider.database.user", "wattt"), password);
    }

    /**
     * Camel's cluster service on the ZooKeeper ensemble of {@code provider.cluster.zookeeper}
     * (host:port[,host:port...]), or null when that is not set. A dead instance's shards move after
     * its session times out: {@code provider.cluster.session-timeout-ms}, which ZooKeeper keeps within
     * 2 to 20 of its ticks (4 to 40 s with Debian's tickTime 2000).
     */
    static CamelClusterService clusterService(RoleSettings settings) {
        String nodes = settings.get("provider.cluster.zookeeper", "").strip();
        if (nodes.isEmpty()) {
            return null;
        }
        ZooKeeperClusterService service = new ZooKeeperClusterService();
        service.setNodes(nodes);
        service.setBasePath(settings.get("provider.cluster.base-path", "/p1-iota/provider"));
        long sessionTimeout = settings.getLong("provider.cluster.session-timeout-ms", 6000);
        service.setSessionTimeout(sessionTimeout);
        // no longer than the session: Curator warns of a longer one and uses the session timeout instead
        service.setConnectTimeout(settings.getLong("provider.cluster.connect-timeout-ms", Math.min(15000, sessionTimeout)));
        String id = settings.get("provider.cluster.instance-id", "").strip();
        service.setId(id.isEmpty() ? hostName() + "-" + ProcessHandle.current().pid() : id);
        return service;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "provider";
        }
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

        ProviderDatabase database = beans.closeOnStop(openDatabase(settings, data));
        HouseholdStore households = new HouseholdStore(database);
        ChannelPositions positions = new ChannelPositions(database, clock);
        ChannelPositionImport.fromFile(data.resolve("channels").resolve("iota-mam-households.follow.json"), positions);
        beans.bind("providerChannelPositions", positions);
        ProviderShards shards = beans.closeOnStop(new ProviderShards(clusterService(settings), settings.getInt("provider.cluster.shards", 8)));
        beans.bind("providerShards", shards);
        // one instance alone reads every household in one route; a cluster's instances read shards instead
        settings.derive("provider.follow-unsharded", String.valueOf(!shards.clustered()));
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
        HouseholdAccess access = new HouseholdAccess(visitorScope(settings.get("provider.visitor-scope", "session")));
        ProviderApi api = new ProviderApi(requests, keyReceipt, households, readings, events,
                new NodeProbe(settings.get(RoleSettings.NODE_URL, RoleSettings.DEFAULT_NODE_URL), clock), profile, clock,
                settings.getInt("provider.sse-max-clients", 32),
                access,
                settings.getInt("provider.max-open-requests", 100));
        beans.bind("providerApi", api);

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
        beans.bind("liveStreamBinding", new LiveStreamBinding(beans.get("headerHygiene", HeaderHygiene.class)));
        beans.bind("watttSessions", sessions);
        // issue 16: customer accounts (Argon2id passwords in the provider's database)
        AccountStore accountStore = new AccountStore(database, new PasswordHashing(random), random, clock);
        AccountApi accountApi = new AccountApi(accountStore, sessions, clock);
        access.useAccounts(accountApi);
        api.useAccounts(accountStore);
        beans.bind("watttAccounts", accountApi);
        beans.bind("watttCosts", new org.p1iota.app.provider.costs.CostsApi(
                new org.p1iota.app.provider.costs.TariffStore(database, clock), households, access, profile.zone(), clock));
        beans.bind("watttApiGate", AccessGate.forApi(sessions, new BearerAuth(secrets.apiToken().value())));
        beans.bind("watttAssets", new StaticAssets("web/wattt", "web/common"));
        beans.bind("providerMetadata", new ProviderMetadataEndpoint(requests::metadata));
    }
}
