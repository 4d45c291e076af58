package org.p1iota.app.device;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.p1iota.app.consent.delivery.EnvelopeFailure;
import org.p1iota.app.consent.delivery.KeyDelivery;
import org.p1iota.app.consent.delivery.PostQuantumEnvelopes;
import org.p1iota.app.consent.message.AuthorizationRevoked;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.message.ChannelEvent;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.DeviceAction;
import org.p1iota.app.consent.policy.DeviceAuthorizations;
import org.p1iota.app.consent.policy.SideKeys;
import org.p1iota.app.device.scope.ScopedPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events of My Home's channel → the device's view ({@link DeviceAuthorizations}: only events naming
 * this device count) → work in the state's outbox: a key delivery per new grant, a sealed KEY_ROTATION
 * with a fresh SecureRandom side key per revocation or deletion. The event and its work are stored in
 * one write, so after a restart the view is replayed from the stored events without repeating actions,
 * and work not yet done is still in the outbox; {@link DataChannelWorker} carries it out.
 */
public final class DeviceHouseholdEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceHouseholdEvents.class);

    private final DeviceState state;
    private final KeyDelivery keyDelivery;
    private final SideKeys sideKeys;
    private final ScopedPublisher scoped;
    private final String device;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final AtomicLong unreadable = new AtomicLong();
    private DeviceAuthorizations view;

    public DeviceHouseholdEvents(String device, DeviceState state, KeyDelivery keyDelivery, SideKeys sideKeys) throws IOException {
        this(device, state, keyDelivery, sideKeys, null);
    }

    /** @param scoped the scoped channels; null: a device that publishes the full scope only (tests) */
    public DeviceHouseholdEvents(String device, DeviceState state, KeyDelivery keyDelivery, SideKeys sideKeys, ScopedPublisher scoped)
            throws IOException {
        this.device = device;
        this.scoped = scoped;
        this.state = state;
        this.keyDelivery = keyDelivery;
        this.sideKeys = sideKeys;
        List<ChannelEvent> seen = new ArrayList<>();
        for (String event : state.events()) {
            try {
                seen.add(codec.decode(event, ChannelEvent.class));
            } catch (ProtocolException e) {
                throw new IOException("the device state holds an event it cannot read (" + e.getMessage() + ")", e);
            }
        }
        this.view = DeviceAuthorizations.replay(device, seen);
    }

    /** One event from My Home's channel (JSON text); garbage is dropped and counted. */
    public synchronized void onEvent(String json) throws IOException, EnvelopeFailure {
        ChannelEvent event;
        try {
            event = codec.decode(json, ChannelEvent.class);
        } catch (ProtocolException e) {
            LOG.warn("dropped an unreadable message on My Home's event channel ({} so far): {}", unreadable.incrementAndGet(),
                    e.reason());
            return;
        }
        DeviceAuthorizations.Step step = view.apply(event);
        List<DeviceState.PendingRotation> rotations = new ArrayList<>();
        List<String> deliveries = new ArrayList<>();
        // scoped work is stored first: a crash before the event is recorded repeats it (at-least-once, as the outbox)
        for (DeviceAction action : step.actions()) {
            if (action instanceof DeviceAction.DeliverKeys deliver) {
                if (deliver.policy().scope().isFull() || scoped == null) {
                    deliveries.add(deliver.policy().id());
                } else {
                    scoped.deliver(deliver.policy());
                }
            } else if (action instanceof DeviceAction.RotateSideKey rotate) {
                // each channel rotates for its own holders only: an end in one scope changes no other scope's key
                Map<Scope, List<ConsentPolicy>> endedByScope = new LinkedHashMap<>();
                rotate.ended().forEach(p -> endedByScope.computeIfAbsent(scoped == null ? Scope.full() : p.scope(),
                        s -> new ArrayList<>()).add(p));
                for (Map.Entry<Scope, List<ConsentPolicy>> ended : endedByScope.entrySet()) {
                    List<ConsentPolicy> remaining = rotate.remaining().stream()
                            .filter(p -> scoped == null || p.scope().equals(ended.getKey())).toList();
                    DeviceAction.RotateSideKey one = new DeviceAction.RotateSideKey(ended.getValue(), remaining);
                    if (ended.getKey().isFull()) {
                        String newKey = sideKeys.next();
                        rotations.add(new DeviceState.PendingRotation(newKey, codec.encode(keyRotation(one, newKey))));
                    } else {
                        scoped.rotate(ended.getKey(), one.ended(), one.remaining());
                    }
                }
            }
        }
        state.eventApplied(codec.encode(event), rotations, deliveries);
        view = step.next();
        if (!step.actions().isEmpty()) {
            LOG.info("{} on My Home's channel: {} key deliveries, {} key rotations to carry out", event.messageType(),
                    deliveries.size(), rotations.size());
        }
    }

    /**
     * The rotation must happen whatever else is wrong: a remaining provider whose key does not match the
     * fingerprint the household approved gets no new key (and is logged) rather than block the rotation.
     */
    private KeyRotation keyRotation(DeviceAction.RotateSideKey rotate, String newKey) throws EnvelopeFailure {
        try {
            return keyDelivery.keyRotation(rotate, newKey);
        } catch (EnvelopeFailure e) {
            List<ConsentPolicy> sealable = new ArrayList<>();
            for (ConsentPolicy policy : rotate.remaining()) {
                try {
                    if (PostQuantumEnvelopes.fingerprint(policy.provider().publicKey()).equals(policy.provider().fingerprint())) {
                        sealable.add(policy);
                        continue;
                    }
                } catch (EnvelopeFailure unusable) {
                    // falls through to the warning
                }
                LOG.warn("policy {}: the provider's key does not match the approved fingerprint; it gets no rotated key",
                        policy.id());
            }
            return keyDelivery.keyRotation(new DeviceAction.RotateSideKey(rotate.ended(), sealable), newKey);
        }
    }

    /**
     * Ends, as a revocation at their end date would, every active policy whose end date is at or before
     * {@code at} (the device's clock, or the time of the next reading to publish). Recorded like an event
     * of My Home's channel, so a restart does not end it twice; My Home shows it ended from the same date.
     */
    public synchronized void expire(Instant at) throws IOException, EnvelopeFailure {
        for (ConsentPolicy policy : List.copyOf(view.active().values())) {
            if (policy.endedBy(at)) {
                LOG.info("policy {} reached its end date {}: its keys are rotated away", policy.id(), policy.until());
                onEvent(codec.encode(new AuthorizationRevoked(policy.id(), device, policy.until())));
            }
        }
    }

    /** The earliest end date of an active policy of the full scope, if any. */
    public synchronized Optional<Instant> firstEndOfFullScope() {
        return view.active().values().stream().filter(p -> p.scope().isFull() || scoped == null).map(ConsentPolicy::until)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo);
    }

    /** Active policies of the scoped channels, by channel name. */
    public synchronized Map<String, List<ConsentPolicy>> scopedHolders() {
        Map<String, List<ConsentPolicy>> holders = new LinkedHashMap<>();
        for (ConsentPolicy policy : view.active().values()) {
            if (!policy.scope().isFull()) {
                holders.computeIfAbsent(policy.scope().channelName(), n -> new ArrayList<>()).add(policy);
            }
        }
        return holders;
    }

    public synchronized Optional<ConsentPolicy> activePolicy(String policyId) {
        return Optional.ofNullable(view.active().get(policyId));
    }

    public synchronized DeviceAuthorizations view() {
        return view;
    }

    public long unreadableEvents() {
        return unreadable.get();
    }
}
