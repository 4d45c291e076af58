package org.p1iota.app.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.p1iota.app.consent.delivery.GrantSecret;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.delivery.ProviderKeys;
import org.p1iota.app.consent.message.Authorized;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.message.InboxMessage;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.pairing.MyHomePairingSession;
import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.app.consent.policy.GrantRequest;
import org.p1iota.app.consent.policy.MyHomeCommands;
import org.p1iota.app.consent.policy.MyHomeState;
import org.p1iota.app.consent.secrets.InboxAddress;
import org.p1iota.app.consent.secrets.Seed;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.p1iota.iota.envelope.EnvelopeKeys;
import org.p1iota.iota.envelope.EnvelopeScheme;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;

/**
 * My Home and providers, driven from a test over the real components: a test CamelContext with
 * {@code iota:} consumers on My Home's and the providers' inboxes, an {@code iota:} producer to the
 * device and an {@code iota-mam:} producer for My Home's private event channel; the decisions come
 * from the consent domain classes (MyHomePairingSession, MyHomeCommands, ProviderKeys).
 */
final class TestHousehold implements AutoCloseable {

    /** A provider that asked for consent: its inbox, key pair and what arrived there. */
    record Provider(String name, String requestId, String inbox, EnvelopeKeyPair keys, ProviderKeys opener,
            BlockingQueue<InboxMessage> received, String grantSecret) {
    }

    private final SecureRandom random = new SecureRandom();
    private final ProtocolCodec inboxCodec = ProtocolCodec.forInbox();
    private final ProtocolCodec channelCodec = new ProtocolCodec();
    private final MyHomeCommands commands;
    private final List<ChannelEvent> events = new ArrayList<>();
    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final String node;
    private final Path state;
    final String homeSeed = Seed.generate(random).trytes();
    final String inbox = InboxAddress.of(Seed.of(homeSeed));
    final String eventRoot;
    final BlockingQueue<InboxMessage> homeInbox = new LinkedBlockingQueue<>();

    TestHousehold(int nodePort, int mwm, Path state) throws Exception {
        this(nodePort, mwm, state, Clock.systemUTC());
    }

    /**
     * @param grantClock My Home's clock for its events: a grant's {@code since} decides which telegrams
     *                   its provider may read (measured at or after it), so a test replaying an old
     *                   capture grants at the capture's time
     */
    TestHousehold(int nodePort, int mwm, Path state, Clock grantClock) throws Exception {
        this.commands = new MyHomeCommands(grantClock, random);
        this.node = "nodeUrl=http://127.0.0.1:" + nodePort + "&minWeightMagnitude=" + mwm + "&localPow=true";
        this.state = state;
        this.eventRoot = new MamChannel(ChannelState.initial(homeSeed, MamMode.PRIVATE, null, 2)).root();
        listen(inbox, homeInbox);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a fresh tag per message: same-second messages to one inbox must not share a bundle hash
                from("direct:send").toD("iota:${header.CamelIotaAddress}?tag=${header.tag}&" + node, -1);
                from("direct:event").to("iota-mam:events?mode=private&seed=" + homeSeed + "&stateDirectory=" + state + "&" + node);
            }
        });
        context.start();
        template = context.createProducerTemplate();
    }

    private void listen(String address, BlockingQueue<InboxMessage> into) throws Exception {
        Files.createDirectories(state);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("iota:" + address + "?delay=200&stateDirectory=" + state.resolve(address.substring(0, 10)) + "&" + node)
                        .process(e -> into.add(inboxCodec.decode(e.getMessage().getBody(String.class), InboxMessage.class)));
            }
        });
    }

    void send(String address, InboxMessage message) {
        template.sendBodyAndHeaders("direct:send", inboxCodec.encode(message), java.util.Map.of("CamelIotaAddress", address,
                "tag", "HOME" + org.p1iota.app.consent.secrets.RandomTrytes.of(random, 23)));
    }

    /** Sends a claim made with {@code code} and nothing more; returns the session. */
    MyHomePairingSession claim(String device, PairingCode code) {
        MyHomePairingSession session = MyHomePairingSession.start(device, code, inbox, eventRoot, Clock.systemUTC(),
                Duration.ofMinutes(10), random);
        send(device, session.claim());
        return session;
    }

    /** Runs a whole pairing with {@code code} and returns the state it ends in. */
    MyHomePairingSession.State pair(String device, PairingCode code) throws Exception {
        MyHomePairingSession session = claim(device, code);
        org.p1iota.app.consent.message.Challenge challenge = next(org.p1iota.app.consent.message.Challenge.class);
        send(device, session.onChallenge(challenge));
        return session.onResult(next(ClaimResult.class));
    }

    /** Messages that arrived in My Home's inbox and were not consumed by {@link #pair}. */
    int unread() {
        return homeInbox.size();
    }

    private <T extends InboxMessage> T next(Class<T> type) throws InterruptedException {
        InboxMessage message = homeInbox.poll(60, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("nothing arrived in My Home's inbox within 60 s, waiting for " + type.getSimpleName());
        }
        return type.cast(message);
    }

    @SuppressWarnings("unchecked")
    <E extends ChannelEvent> E publish(E event) throws Exception {
        template.sendBody("direct:event", channelCodec.encode(event));
        E stored = (E) channelCodec.decode(channelCodec.encode(event), ChannelEvent.class);
        events.add(stored);
        return stored;
    }

    MyHomeState state() {
        return MyHomeState.fold(events);
    }

    MyHomeCommands commands() {
        return commands;
    }

    Provider provider(String name) throws Exception {
        String requestId = "req-" + name.toLowerCase() + "-" + random.nextInt(1_000_000);
        String providerInbox = InboxAddress.of(Seed.generate(random));
        EnvelopeKeyPair keys = EnvelopeKeys.generate(EnvelopeScheme.ML_KEM_768);
        BlockingQueue<InboxMessage> received = new LinkedBlockingQueue<>();
        listen(providerInbox, received);
        String grantSecret = GrantSecret.generate(random);
        return new Provider(name, requestId, providerInbox, keys,
                new ProviderKeys(requestId, grantSecret, channelCodec, PostQuantumEnvelopes.opener(keys)), received, grantSecret);
    }

    Authorized grant(String device, Provider provider) throws Exception {
        String publicKey = provider.keys().publicKey().toBase64Url();
        ProviderIdentity identity = new ProviderIdentity(provider.name(), "https://" + provider.name().toLowerCase() + ".example",
                provider.requestId(), provider.inbox(), publicKey, PostQuantumEnvelopes.fingerprint(publicKey));
        return publish(commands.grant(state(), new GrantRequest(device, identity, "energy advice", provider.grantSecret())));
    }

    @Override
    public void close() throws Exception {
        context.stop();
    }
}
