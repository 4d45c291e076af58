package org.p1iota.app.myhome.energy;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.p1iota.app.channel.DataChannelDecoder;
import org.p1iota.app.channel.DataV2Exception;
import org.p1iota.app.consent.delivery.GrantSecret;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.delivery.ProviderKeys;
import org.p1iota.app.consent.delivery.ProviderKeys.RejectedKeysException;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.DataChannelMessage;
import org.p1iota.app.consent.message.InboxDrops;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.MamData;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.app.consent.message.ProviderIdentity;
import org.p1iota.app.consent.message.RotatedKey;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.app.consent.policy.CommandRefusedException;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.GrantRequest;
import org.p1iota.app.consent.policy.MyHomeCommands;
import org.p1iota.app.consent.policy.MyHomeState;
import org.p1iota.app.myhome.EventChannelException;
import org.p1iota.app.myhome.EventStore;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.camel.iota.IotaMamOperation;
import org.p1iota.iota.envelope.EnvelopeKeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * My Home reading the household's own meters without consenting to a third party. In the consent
 * design My Home is one more holder of a policy with the full scope (every telegram): for each paired
 * device it publishes an AUTHORIZED whose "provider" is My Home itself ({@link OwnIdentity}: its own
 * inbox and envelope key, index 1 of its seed, and a fresh grant secret). The device treats it like any
 * grant: it delivers the data channel's keys in a MAM_DATA to that inbox, and a new side key in every
 * KEY_ROTATION. So scoped channels, rotations and deletion need no second mechanism.
 * <p>
 * Route steps ({@code routes/myhome.yaml}): {@link #grantMissing} (timer), {@link #receive} (own inbox,
 * then an iota-mam {@code subscribe}), {@link #onChannel} (the followed data channels).
 */
public final class OwnAccess {

    private static final Logger LOG = LoggerFactory.getLogger(OwnAccess.class);

    private final EventStore events;
    private final MyHomeCommands commands;
    private final OwnIdentity identity;
    private final EnergyStore energy;
    private final Clock clock;
    private final SecureRandom random;
    private final boolean enabled;
    private final ProtocolCodec codec = ProtocolCodec.forInbox();
    private final DataChannelDecoder decoder = new DataChannelDecoder();
    private final InboxDrops drops = new InboxDrops(LOG, "My Home's own-data inbox");

    public OwnAccess(EventStore events, MyHomeCommands commands, OwnIdentity identity, EnergyStore energy, 
            Clock clock, SecureRandom random, boolean enabled) {
        this.enabled = enabled;
        this.events = events;
        this.commands = commands;
        this.identity = identity;
        this.energy = energy;
        this.clock = clock;
        this.random = random;
    }

    /** Whether a policy is My Home's own (not shown among the providers the household granted). */
    public boolean isOwn(ConsentPolicy policy) {
        return identity.owns(policy.provider());
    }

    /** Publishes the own grant of every active device that has none yet (after pairing, after a start). */
    public void grantMissing(Exchange exchange) {
        events.useContext(exchange.getContext());
        if (!enabled) {
            return;
        }
        try {
            for (var device : events.state().activeDevices()) {
                if (ownPolicy(events.state(), device.address()).isEmpty()) {
                    ProviderIdentity me = identity.providerIdentity(device.address());
                    var authorized = events.execute(state -> commands.grant(state, new GrantRequest(device.address(), me,
                            OwnIdentity.GOAL, GrantSecret.generate(random))));
                    LOG.info("My Home reads the data of its device {} from now on (policy {})", device.name(), authorized.policyId());
                }
            }
        } catch (EventChannelException e) {
            LOG.debug("Own grants wait for the node: {}", e.getMessage());
        } catch (CommandRefusedException e) {
            LOG.warn("Could not grant My Home its own device's data: {}", e.getMessage());
        }
    }

    Optional<ConsentPolicy> ownPolicy(MyHomeState state, String device) {
        return state.activePoliciesOf(device).stream().filter(this::isOwn).findFirst();
    }

    /**
     * A message on the own inbox: a MAM_DATA that opens with My Home's own key and carries a valid
     * proof under one of its own grants sets the headers of an iota-mam subscribe; anything else is
     * dropped (the inbox address and key are as public as a provider's).
     */
    public void receive(Exchange exchange) throws EventChannelException, SQLException {
        Message message = exchange.getMessage();
        exchange.setRouteStop(true);
        MamData mamData;
        try {
            mamData = codec.decode(message.getBody(String.class), MamData.class);
        } catch (ProtocolException e) {
            drops.dropped(e.getMessage());
            return;
        }
        for (ConsentPolicy policy : ownPolicies(events.state())) {
            ChannelKeys keys;
            try {
                keys = keys(policy).open(mamData);
            } catch (RejectedKeysException e) {
                continue;
            }
            if (!keys.policyId().equals(policy.id()) || !keys.device().equals(policy.device()) || energy.following(policy.id())) {
                drops.dropped("a key delivery for an own channel already followed, or naming another device");
                return;
            }
            exchange.setRouteStop(false);
            message.setBody(null);
            message.setHeader("P1iotaPolicy", policy.id());
            message.setHeader("P1iotaDevice", policy.device());
            message.setHeader(IotaMamConstants.OPERATION, IotaMamOperation.subscribe);
            message.setHeader(IotaMamConstants.SUBSCRIPTION, policy.id());
            message.setHeader(IotaMamConstants.ROOT, keys.dataRoot());
            message.setHeader(IotaMamConstants.MODE, "restricted");
            message.setHeader(IotaMamConstants.SIDE_KEY, keys.sideKey());
            return;
        }
        drops.dropped("a message that opens under none of My Home's own grants");
    }

    /** After the subscribe: remembered, so a replay of the same delivery does not subscribe again. */
    public void subscribed(Exchange exchange) throws SQLException {
        Message message = exchange.getMessage();
        message.removeHeader(IotaMamConstants.SIDE_KEY);
        energy.follow(message.getHeader("P1iotaPolicy", String.class), message.getHeader("P1iotaDevice", String.class), clock.instant());
        LOG.info("My Home follows the data channel of its device {}", message.getHeader("P1iotaDevice", String.class));
    }

    /**
     * A message of a followed data channel (subscription id = the own policy): DATA is stored, a
     * KEY_ROTATION gives the next side key (or, without an entry for My Home: the device left the
     * household, unsubscribe). A database failure throws, so the follower reads the message again.
     */
    public void onChannel(Exchange exchange) throws SQLException, EventChannelException {
        Message message = exchange.getMessage();
        message.removeHeader(IotaMamConstants.OPERATION);
        String policyId = message.getHeader(IotaMamConstants.SUBSCRIPTION, String.class);
        Optional<ConsentPolicy> policy = events.state().policy(policyId).filter(p -> p.active()).map(p -> p.policy());
        if (policy.isEmpty()) {
            message.setBody(null);
            message.setHeader(IotaMamConstants.OPERATION, IotaMamOperation.unsubscribe);
            return;
        }
        DataChannelMessage decoded;
        try {
            decoded = decoder.decode(message.getBody(String.class));
        } catch (ProtocolException | DataV2Exception e) {
            LOG.warn("Skipped an unreadable message on the data channel of device {}: {}", policy.get().device(), e.getMessage());
            return;
        }
        if (decoded instanceof Data data && data.device().equals(policy.get().device())) {
            List<MeterReading> readings = new ArrayList<>();
            for (Telegram telegram : data.telegrams()) {
                readings.add(MeterReading.of(data.device(), telegram, clock.instant()));
            }
            energy.store(readings);
        } else if (decoded instanceof KeyRotation rotation) {
            rotate(policy.get(), rotation, message);
        }
    }

    private void rotate(ConsentPolicy policy, KeyRotation rotation, Message message) {
        Optional<RotatedKey> key;
        try {
            key = keys(policy).open(rotation, policy.id());
        } catch (RejectedKeysException e) {
            key = Optional.empty();
        }
        message.setBody(null);
        if (key.isPresent()) {
            message.setHeader(IotaMamConstants.OPERATION, IotaMamOperation.changeSubscriptionSideKey);
            message.setHeader(IotaMamConstants.SIDE_KEY, key.get().sideKey());
        } else {
            message.setHeader(IotaMamConstants.OPERATION, IotaMamOperation.unsubscribe);
        }
    }

    private List<ConsentPolicy> ownPolicies(MyHomeState state) {
        return state.activePolicies().stream().filter(this::isOwn).toList();
    }

    private ProviderKeys keys(ConsentPolicy policy) {
        EnvelopeKeyPair pair = identity.keyPair();
        return new ProviderKeys(policy.provider().consentRequestId(), policy.grantSecret(), new ProtocolCodec(),
                PostQuantumEnvelopes.opener(pair));
    }

    public long droppedMessages() {
        return drops.count();
    }
}
