package org.p1iota.app.device.scope;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.p1iota.app.consent.delivery.EnvelopeFailure;
import org.p1iota.app.consent.delivery.KeyDelivery;
import org.p1iota.app.consent.delivery.Outgoing;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.Readings;
import org.p1iota.app.consent.message.Scope;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.DeviceAction;
import org.p1iota.app.consent.policy.SideKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishing per scope: turns grants, ends and published telegrams into work on the scoped channels,
 * and picks the next piece of it for the data-channel worker. The rules that make a policy disclose
 * only what it was granted: a channel exists only for scopes someone was granted, and gets records only
 * while someone holds it; a provider's keys go out just before the first record that starts at or
 * after its grant (earlier records are published first, under the key it never gets); before a record
 * that ends after a holder's end date, that holder's end is carried out (a key rotation without it).
 */
public final class ScopedPublisher {

    /** A piece of scoped work, ready for the route. */
    public record Prepared(Kind kind, String channel, String body, String newSideKey, String sendTo, String policyId) {
        public enum Kind { ROTATION, READINGS, MAM_DATA }

        @Override
        public String toString() {
            return "Prepared[" + kind + " " + channel + "]";
        }
    }

    /** A telegram as the device read it: spool sequence and parsed values. */
    public record Read(long sequence, JsonNode parsed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScopedPublisher.class);

    private final String device;
    private final ScopeChannels channels;
    private final KeyDelivery keyDelivery;
    private final SideKeys sideKeys;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ProtocolCodec inboxCodec = ProtocolCodec.forInbox();

    public ScopedPublisher(String device, ScopeChannels channels, KeyDelivery keyDelivery, SideKeys sideKeys) {
        this.device = device;
        this.channels = channels;
        this.keyDelivery = keyDelivery;
        this.sideKeys = sideKeys;
    }

    public ScopeChannels channels() {
        return channels;
    }

    /** A new grant of a scoped policy: its channel (started if new) owes it a key delivery. */
    public void deliver(ConsentPolicy policy) throws IOException {
        channels.ensure(policy.scope(), sideKeys.next());
        channels.update(policy.scope().channelName(), c -> new ScopeChannels.Channel(c.scope(), c.sideKey(), c.nextRoot(),
                c.aggregate(), c.lastSequence(), c.outbox(), c.rotations(), ScopeChannels.plus(c.deliveries(), policy.id())));
    }

    /** Policies of one scope ended: the channel goes on under a new key sealed for {@code remaining} only. */
    public void rotate(Scope scope, List<ConsentPolicy> ended, List<ConsentPolicy> remaining) throws IOException, EnvelopeFailure {
        if (channels.channel(scope.channelName()).isEmpty()) {
            return; // never started: nobody holds a key
        }
        String newKey = sideKeys.next();
        String message = codec.encode(keyDelivery.keyRotation(new DeviceAction.RotateSideKey(ended, remaining), newKey));
        channels.update(scope.channelName(), c -> new ScopeChannels.Channel(c.scope(), c.sideKey(), c.nextRoot(),
                remaining.isEmpty() ? IntervalAggregator.initial() : c.aggregate(), c.lastSequence(),
                remaining.isEmpty() ? List.of() : c.outbox(), ScopeChannels.plus(c.rotations(),
                        new ScopeChannels.Rotation(newKey, message)), c.deliveries()));
    }

    /**
     * Telegrams just published on the DATA channel, fed to the aggregator of every held scope. Records
     * no holder may read (they start before every holder's grant) are not published at all.
     *
     * @param holders active policies by scope channel name
     */
    public void feed(List<Read> telegrams, Map<String, List<ConsentPolicy>> holders) throws IOException {
        Map<String, ScopeChannels.Channel> changed = new LinkedHashMap<>();
        for (ScopeChannels.Channel channel : channels.all()) {
            List<ConsentPolicy> holding = holders.getOrDefault(channel.scope().channelName(), List.of());
            long last = channel.lastSequence();
            if (holding.isEmpty()) {
                long newest = telegrams.isEmpty() ? last : Math.max(last, telegrams.get(telegrams.size() - 1).sequence());
                changed.put(channel.scope().channelName(), new ScopeChannels.Channel(channel.scope(), channel.sideKey(),
                        channel.nextRoot(), IntervalAggregator.initial(), newest, List.of(), channel.rotations(),
                        channel.deliveries()));
                continue;
            }
            Instant earliestGrant = holding.stream().map(ConsentPolicy::since).min(Instant::compareTo).orElseThrow();
            IntervalAggregator aggregator = new IntervalAggregator(channel.scope());
            IntervalAggregator.State state = channel.aggregate();
            List<Readings.Interval> completed = new ArrayList<>();
            for (Read read : telegrams) {
                if (read.sequence() <= last) {
                    continue; // fed before a crash
                }
                last = read.sequence();
                IntervalAggregator.Step step = aggregator.feed(state, read.parsed());
                state = step.next();
                step.completed().filter(r -> !r.startTime().toInstant().isBefore(earliestGrant)).ifPresent(completed::add);
            }
            List<ScopeChannels.Pending> outbox = new ArrayList<>(channel.outbox());
            if (channel.scope().resolution() == Scope.Resolution.TELEGRAM) {
                if (!completed.isEmpty()) {
                    outbox.add(pending(channel.scope(), completed));
                }
            } else {
                completed.forEach(record -> outbox.add(pending(channel.scope(), List.of(record))));
            }
            changed.put(channel.scope().channelName(), new ScopeChannels.Channel(channel.scope(), channel.sideKey(),
                    channel.nextRoot(), state, last, outbox, channel.rotations(), channel.deliveries()));
        }
        if (!changed.isEmpty()) {
            channels.updateAll(changed);
        }
    }

    private ScopeChannels.Pending pending(Scope scope, List<Readings.Interval> records) {
        // a TELEGRAM-resolution batch is split where a grant falls between its telegrams: see prepare()
        return new ScopeChannels.Pending(codec.encode(new Readings(device, scope, records)), records.get(0).start(),
                records.get(records.size() - 1).end());
    }

    /**
     * The next piece of scoped work, if any: rotations first, then key deliveries that are due, then
     * READINGS. {@code expire} is called (and nothing prepared for that channel) when the next record ends
     * after a holder's end date, so that the end's rotation goes first.
     */
    public Optional<Prepared> prepare(Function<String, Optional<ConsentPolicy>> activePolicy,
            Map<String, List<ConsentPolicy>> holders, boolean paired, Consumer<Instant> expire) throws IOException {
        for (ScopeChannels.Channel channel : channels.all()) {
            String name = channel.scope().channelName();
            if (!channel.rotations().isEmpty()) {
                ScopeChannels.Rotation rotation = channel.rotations().get(0);
                return Optional.of(new Prepared(Prepared.Kind.ROTATION, name, rotation.message(), rotation.newSideKey(), null,
                        null));
            }
            Optional<Instant> head = channel.outbox().isEmpty() ? Optional.empty()
                    : Optional.of(OffsetDateTime.parse(channel.outbox().get(0).start()).toInstant());
            for (String policyId : channel.deliveries()) {
                Optional<ConsentPolicy> policy = activePolicy.apply(policyId);
                if (policy.isEmpty() || !paired) {
                    channels.update(name, c -> withoutDelivery(c, policyId));
                    return prepare(activePolicy, holders, paired, expire);
                }
                if (head.isPresent() && !head.get().isBefore(policy.get().since())) {
                    try {
                        Outgoing outgoing = keyDelivery.mamData(new DeviceAction.DeliverKeys(policy.get()), channel.nextRoot(),
                                channel.sideKey());
                        return Optional.of(new Prepared(Prepared.Kind.MAM_DATA, name, inboxCodec.encode(outgoing.message()),
                                null, outgoing.sendTo(), policyId));
                    } catch (EnvelopeFailure e) {
                        LOG.warn("no keys delivered for policy {}: {}", policyId, e.getMessage());
                        channels.update(name, c -> withoutDelivery(c, policyId));
                        return prepare(activePolicy, holders, paired, expire);
                    }
                }
            }
            if (head.isPresent()) {
                Instant end = OffsetDateTime.parse(channel.outbox().get(0).end()).toInstant();
                Optional<Instant> ending = holders.getOrDefault(name, List.of()).stream().map(ConsentPolicy::until)
                        .filter(until -> until != null && until.isBefore(end)).min(Instant::compareTo);
                if (ending.isPresent()) {
                    expire.accept(ending.get());
                    return prepare(activePolicy, holders, paired, expire);
                }
                ScopeChannels.Pending pending = channel.outbox().get(0);
                return Optional.of(new Prepared(Prepared.Kind.READINGS, name, pending.message(), null, null, null));
            }
        }
        return Optional.empty();
    }

    private static ScopeChannels.Channel withoutDelivery(ScopeChannels.Channel c, String policyId) {
        List<String> rest = new ArrayList<>(c.deliveries());
        rest.remove(policyId);
        return new ScopeChannels.Channel(c.scope(), c.sideKey(), c.nextRoot(), c.aggregate(), c.lastSequence(), c.outbox(),
                c.rotations(), rest);
    }

    /** Whether the scope's channel still has records to publish that end at or before {@code until}. */
    public boolean hasRecordsEndingBy(Scope scope, Instant until) {
        return channels.channel(scope.channelName()).map(c -> c.outbox().stream()
                .anyMatch(p -> !OffsetDateTime.parse(p.end()).toInstant().isAfter(until))).orElse(false);
    }

    /** The route published {@code prepared}; {@code nextRoot} is the channel's position after it (MAM messages). */
    public void published(Prepared prepared, String nextRoot) throws IOException {
        switch (prepared.kind()) {
            case ROTATION -> channels.update(prepared.channel(), c -> new ScopeChannels.Channel(c.scope(),
                    c.rotations().get(0).newSideKey(), nextRoot, c.aggregate(), c.lastSequence(), c.outbox(),
                    ScopeChannels.minusFirst(c.rotations()), c.deliveries()));
            case READINGS -> channels.update(prepared.channel(), c -> new ScopeChannels.Channel(c.scope(), c.sideKey(),
                    nextRoot, c.aggregate(), c.lastSequence(), ScopeChannels.minusFirst(c.outbox()), c.rotations(),
                    c.deliveries()));
            case MAM_DATA -> channels.update(prepared.channel(), c -> withoutDelivery(c, prepared.policyId()));
        }
    }
}
