package org.p1iota.app.myhome;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.p1iota.app.consent.policy.MyHomeCommands;
import org.p1iota.app.consent.secrets.BearerToken;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.SecretStore;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.app.role.Role;
import org.p1iota.app.role.RoleBeans;
import org.p1iota.app.role.RoleSettings;
import org.p1iota.app.web.AccessGate;
import org.p1iota.app.web.BearerAuth;
import org.p1iota.app.web.ConsentLinkEndpoint;
import org.p1iota.app.web.HeaderHygiene;
import org.p1iota.app.web.ProviderOriginRules;
import org.p1iota.app.web.ProviderVerifier;
import org.p1iota.app.web.RequestLimits;
import org.p1iota.app.web.SecurityHeaders;
import org.p1iota.app.web.SessionManager;
import org.p1iota.app.web.StaticAssets;
import org.p1iota.camel.iota.IotaNodeConfiguration;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.tangle.RetryPolicy;
import org.p1iota.iota.tangle.TangleClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code myhome} role: the household's own web app. Its secrets (seed, household token) live in
 * the data directory ({@code myhome.data-subdirectory} below {@code p1iota.data}, empty by default);
 * its state is folded from its private event channel. Binds the beans {@code routes/myhome.yaml}
 * calls: the web layer's gates and assets, {@code myhomeEvents} (the event store),
 * {@code myhomePairings}, and the APIs {@code myhomeDevices}, {@code myhomePolicies}, {@code myhomeEventLog}.
 */
public final class MyHomeRole implements Role {

    public static final String NAME = "myhome";
    /** Security level of the event channel (the iota-mam endpoint's default). */
    static final int CHANNEL_SECURITY = 2;
    private static final Logger LOG = LoggerFactory.getLogger(MyHomeRole.class);

    @Override
    public String name() {
        return NAME;
    }

    /** Where My Home keeps its secrets and channel state. */
    public static Path directory(RoleSettings settings) {
        return settings.dataDirectory().resolve(settings.get("myhome.data-subdirectory", "")).normalize();
    }

    @Override
    public void bind(RoleSettings settings, RoleBeans beans) throws Exception {
        SecureRandom random = new SecureRandom();
        Path directory = directory(settings);
        SecretStore secrets = SecretStore.open(directory, random);
        Seed seed = secrets.seed();
        BearerToken token = secrets.apiToken();
        String eventRoot = new MamChannel(ChannelState.initial(seed.trytes(), MamMode.PRIVATE, null, CHANNEL_SECURITY)).root();
        MyHomeIdentity identity = new MyHomeIdentity(InboxAddress.of(seed), eventRoot, directory);
        beans.bind("myhomeIdentity", identity);

        Clock clock = Clock.systemUTC();
        EventStore store = new EventStore(new EventChannelReader(readerClient(settings)), eventRoot,
                new EventJournal(directory.resolve("state").resolve("event-journal.jsonl")));
        MyHomeCommands commands = new MyHomeCommands(clock, random);
        Pairings pairings = beans.closeOnStop(new Pairings(store, commands, identity.inbox(), eventRoot, clock,
                Duration.ofSeconds(settings.getLong("myhome.pairing-challenge-wait-seconds", 180)),
                Duration.ofSeconds(settings.getLong("myhome.pairing-timeout-seconds", 600)), random));
        ConsentLinkEndpoint consentLink = new ConsentLinkEndpoint(beans.closeOnStop(new ProviderVerifier(ProviderOriginRules.of(
                settings.getBoolean("myhome.provider-check.allow-private-networks", false),
                settings.get("myhome.provider-check.ports", "80,443")))));
        beans.bind("myhomeEvents", store);
        beans.bind("myhomePairings", pairings);
        beans.bind("myhomeDevices", new DeviceApi(store, commands, pairings));
        beans.bind("myhomePolicies", new PolicyApi(store, commands, consentLink));
        beans.bind("myhomeEventLog", new EventApi(store));
        beans.bind("consentLink", consentLink);

        SessionManager sessions = SessionManager.forHousehold(token.value(), settings.getBoolean("myhome.secure-cookie", false));
        beans.bind("myhomeSessions", sessions);
        beans.bind("myhomeApiGate", AccessGate.forApi(sessions, new BearerAuth(token.value())));
        beans.bind("myhomePageGate", AccessGate.forPages(sessions, "/login.html"));
        beans.bind("myhomeAssets", new StaticAssets("web/myhome", "web/common"));
        bindShared(beans, "securityHeaders", new SecurityHeaders());
        bindShared(beans, "headerHygiene", new HeaderHygiene());
        bindShared(beans, "requestLimits", new RequestLimits());

        LOG.info("My Home on http://{}:{}/ ; log in with the household token in {} (also the API's Bearer token)",
                settings.get("myhome.host", "127.0.0.1"), settings.get("myhome.port", "8080"), secrets.file(SecretStore.API_TOKEN));
        LOG.info("My Home's inbox address {}", identity.inbox());
    }

    /** The web layer's stateless processors are shared with a provider role in the same Camel (demo). */
    private static void bindShared(RoleBeans beans, String name, Object bean) {
        if (beans.get(name, bean.getClass()) == null) {
            beans.bind(name, bean);
        }
    }

    private static TangleClient readerClient(RoleSettings settings) {
        IotaNodeConfiguration node = new IotaNodeConfiguration();
        node.setNodeUrl(settings.get("iota.node-url", "http://127.0.0.1:14265"));
        return new TangleClient(node, null, new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(5)), Clock.systemUTC());
    }
}
