package org.p1iota.app.device;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;


import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.p1iota.app.channel.DataV2Codec;
import org.p1iota.app.channel.TelegramBatch;
import org.p1iota.app.consent.delivery.EnvelopeFailure;
import org.p1iota.app.consent.delivery.KeyDelivery;
import org.p1iota.app.consent.delivery.Outgoing;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.pairing.PairedHome;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.consent.policy.DeviceAction;
import org.p1iota.app.device.scope.ScopedPublisher;
import org.p1iota.app.spool.DurableSpool;
import org.p1iota.app.spool.SpoolRecord;
import org.p1iota.camel.iota.IotaConstants;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.iota.mam.MamTrytes;
import org.p1iota.iota.tangle.TryteCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of the data channel (the route calls it from a single thread): decides the next piece
 * of work and sets the exchange up for it, in this order: a pending KEY_ROTATION (under the old key,
 * header {@code CamelIotaMamNextSideKey} = the new key), then pending key deliveries (MAM_DATA with the
 * channel's current next root and side key, so a delivery never hands out a key that a rotation
 * decided before it is about to replace), then a DATA batch when one is due: DATA v2 trytes
 * ({@link DataV2Codec}), which the route's {@code iota-mam:data} endpoint ({@code messageFormat=TRYTES})
 * sends as they are. Each piece is
 * acknowledged only after it was sent; until then it stays in the spool or the state's outbox.
 */
public final class DataChannelWorker {

    /** Header naming the work prepared: {@link Work}. */
    public static final String WORK = "P1IotaDeviceWork";

    /** SCOPE: a message on a scoped channel (header {@link #SCOPE_CHANNEL}), a READINGS or a KEY_ROTATION. */
    public enum Work { KEY_ROTATION, MAM_DATA, DATA, SCOPE, NONE }

    /** Header naming the scoped channel ({@code iota-mam:} channel name) a SCOPE work goes to. */
    public static final String SCOPE_CHANNEL = "P1IotaScopeChannel";

    private static final Logger LOG = LoggerFactory.getLogger(DataChannelWorker.class);
    private static final String POLICY = "p1iota.policyId";
    private static final String SCOPED = "p1iota.scopedWork";

    private final String device;
    private final DurableSpool spool;
    private final DeviceState state;
    private final DeviceHouseholdEvents household;
    private final KeyDelivery keyDelivery;
    private final ProtocolCodec inboxCodec = ProtocolCodec.forInbox();
    private final int batchSize;
    private final Duration maxWait;
    private final Clock clock;
    private final AtomicLong telegramsPublished = new AtomicLong();
    private final AtomicLong batchesPublished = new AtomicLong();
    private final ScopedPublisher scoped;
    private final PolicyWindows windows;
    private Instant waitingSince;

    public DataChannelWorker(String device, DurableSpool spool, DeviceState state, DeviceHouseholdEvents household,
            KeyDelivery keyDelivery, int batchSize, Duration maxWait, Clock clock) {
        this(device, spool, state, household, keyDelivery, batchSize, maxWait, clock, null);
    }

    /** @param scoped the scoped channels, or null for a device that publishes the full scope only */
    public DataChannelWorker(String device, DurableSpool spool, DeviceState state, DeviceHouseholdEvents household,
            KeyDelivery keyDelivery, int batchSize, Duration maxWait, Clock clock, ScopedPublisher scoped) {
        this.scoped = scoped;
        this.windows = new PolicyWindows(spool, state, household, scoped, clock);
        this.device = device;
        this.spool = spool;
        this.state = state;
        this.household = household;
        this.keyDelivery = keyDelivery;
        this.batchSize = batchSize;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /** Sets up the exchange for the next piece of work and names it in header {@link #WORK}. */
    public void prepareNext(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        message.removeHeaders("CamelIota*");
        message.setBody(null);
        exchange.removeProperty(SCOPED);
        windows.expireDue();
        Work work = prepareRotation(message) ? Work.KEY_ROTATION
                : prepareDelivery(exchange) ? Work.MAM_DATA
                : prepareScoped(exchange) ? (exchange.getProperty(SCOPED, ScopedPublisher.Prepared.class).kind()
                        == ScopedPublisher.Prepared.Kind.MAM_DATA ? Work.MAM_DATA : Work.SCOPE)
                : prepareBatch(message) ? Work.DATA : Work.NONE;
        message.setHeader(WORK, work.name());
    }

    private boolean prepareScoped(Exchange exchange) throws IOException {
        if (scoped == null) {
            return false;
        }
        Optional<ScopedPublisher.Prepared> next = scoped.prepare(household::activePolicy, household.scopedHolders(),
                state.home().isPresent(), at -> {
                    try {
                        household.expire(at);
                    } catch (IOException | EnvelopeFailure e) {
                        throw new IllegalStateException("cannot end the policies due at " + at + ": " + e.getMessage(), e);
                    }
                });
        if (next.isEmpty()) {
            return false;
        }
        ScopedPublisher.Prepared prepared = next.get();
        Message message = exchange.getMessage();
        exchange.setProperty(SCOPED, prepared);
        if (prepared.kind() == ScopedPublisher.Prepared.Kind.MAM_DATA) {
            message.setBody(prepared.body());
            message.setHeader(IotaConstants.ADDRESS, prepared.sendTo());
            exchange.setProperty(POLICY, prepared.policyId());
        } else {
            message.setBody(TryteCodec.encode(prepared.body()));
            message.setHeader(SCOPE_CHANNEL, prepared.channel());
            if (prepared.newSideKey() != null) {
                message.setHeader(IotaMamConstants.NEXT_SIDE_KEY, prepared.newSideKey());
            }
        }
        return true;
    }

    /** A SCOPE work was published on its channel. */
    public void scopePublished(Exchange exchange) throws IOException {
        ScopedPublisher.Prepared prepared = exchange.getProperty(SCOPED, ScopedPublisher.Prepared.class);
        scoped.published(prepared, exchange.getMessage().getHeader(IotaMamConstants.NEXT_ROOT, String.class));
        exchange.getMessage().removeHeader(SCOPE_CHANNEL);
        LOG.debug("{} published", prepared);
    }

    private boolean prepareRotation(Message message) {
        List<DeviceState.PendingRotation> rotations = state.rotations();
        if (rotations.isEmpty()) {
            return false;
        }
        // the data channel's endpoint sends trytes as they are (DATA v2 is trytes): JSON as IOTA text
        message.setBody(TryteCodec.encode(rotations.get(0).message()));
        message.setHeader(IotaMamConstants.NEXT_SIDE_KEY, rotations.get(0).newSideKey());
        return true;
    }

    public void rotationPublished(Exchange exchange) throws IOException {
        state.rotated(exchange.getMessage().getHeader(IotaMamConstants.NEXT_ROOT, String.class));
        LOG.info("KEY_ROTATION published: the data channel continues under a new side key");
    }

    private boolean prepareDelivery(Exchange exchange) throws IOException {
        Optional<PairedHome> home = state.home();
        for (String policyId : state.deliveries()) {
            Optional<ConsentPolicy> policy = household.activePolicy(policyId);
            if (policy.isEmpty() || home.isEmpty()) {
                state.delivered(policyId); // revoked before its keys went out: nothing to deliver
                continue;
            }
            if (!windows.measuredSince(policy.get().since())) {
                continue; // telegrams measured before the grant go out first, under keys it does not get
            }
            try {
                Outgoing outgoing = keyDelivery.mamData(new DeviceAction.DeliverKeys(policy.get()), state.nextRoot(),
                        state.sideKey());
                exchange.getMessage().setBody(inboxCodec.encode(outgoing.message()));
                exchange.getMessage().setHeader(IotaConstants.ADDRESS, outgoing.sendTo());
                exchange.setProperty(POLICY, policyId);
                return true;
            } catch (EnvelopeFailure e) {
                LOG.warn("no keys delivered for policy {}: {}", policyId, e.getMessage());
                state.delivered(policyId);
            }
        }
        return false;
    }

    public void delivered(Exchange exchange) throws IOException {
        String policyId = exchange.getProperty(POLICY, String.class);
        ScopedPublisher.Prepared prepared = exchange.getProperty(SCOPED, ScopedPublisher.Prepared.class);
        if (prepared != null) {
            scoped.published(prepared, null);
            LOG.info("MAM_DATA sent for policy {} (scope channel {})", policyId, prepared.channel());
            return;
        }
        state.delivered(policyId);
        LOG.info("MAM_DATA sent for policy {}", policyId);
    }

    private boolean prepareBatch(Message message) throws IOException {
        Optional<DeviceState.InFlight> inFlight = state.inFlight();
        List<SpoolRecord> records;
        if (inFlight.isPresent()) {
            // the same batch again after a failure or a crash: the channel may hold it as its pending message
            records = spool.peek((int) (inFlight.get().last() - inFlight.get().first() + 1));
            if (records.isEmpty() || records.get(0).sequence() != inFlight.get().first()) {
                state.published(state.nextRoot()); // already acknowledged before a crash
                return prepareBatch(message);
            }
        } else {
            long pending = spool.pendingCount();
            if (pending == 0) {
                waitingSince = null;
                return false;
            }
            Instant now = clock.instant();
            if (waitingSince == null) {
                waitingSince = now;
            }
            Optional<Instant> grant = windows.waitingGrant();
            if (grant.isEmpty() && pending < batchSize && Duration.between(waitingSince, now).compareTo(maxWait) < 0) {
                return false;
            }
            records = windows.cut(spool.peek(batchSize), grant);
            if (records.isEmpty()) {
                return false;
            }
        }
        List<byte[]> telegrams = new ArrayList<>();
        for (SpoolRecord record : records) {
            telegrams.add(MeterIntake.raw(record.payload()));
        }
        long first = records.get(0).sequence();
        String trytes = DataV2Codec.encode(new TelegramBatch(device, first, telegrams));
        while (trytes.length() > MamTrytes.MAX_MESSAGE_TRYTES && telegrams.size() > 1) {
            // a MAM message holds at most 88,573 trytes: fewer telegrams this time, the rest go in the next batch
            telegrams.subList(telegrams.size() / 2, telegrams.size()).clear();
            trytes = DataV2Codec.encode(new TelegramBatch(device, first, telegrams));
        }
        if (inFlight.isEmpty()) {
            state.publishing(new DeviceState.InFlight(first, first + telegrams.size() - 1));
        }
        message.setBody(trytes);
        return true;
    }

    public void batchPublished(Exchange exchange) throws IOException {
        DeviceState.InFlight batch = state.inFlight().orElseThrow();
        if (scoped != null) {
            List<ScopedPublisher.Read> reads = new ArrayList<>();
            for (SpoolRecord record : spool.peek((int) (batch.last() - batch.first() + 1))) {
                if (record.sequence() >= batch.first() && record.sequence() <= batch.last()) {
                    reads.add(new ScopedPublisher.Read(record.sequence(),
                            MeterIntake.telegram(record.sequence(), record.payload()).parsed()));
                }
            }
            scoped.feed(reads, household.scopedHolders());
        }
        spool.acknowledge(batch.last());
        state.published(exchange.getMessage().getHeader(IotaMamConstants.NEXT_ROOT, String.class));
        waitingSince = spool.pendingCount() > 0 ? clock.instant() : null;
        batchesPublished.incrementAndGet();
        telegramsPublished.addAndGet(batch.last() - batch.first() + 1);
        LOG.debug("DATA published: telegrams {} to {}", batch.first(), batch.last());
    }

    public long telegramsPublished() {
        return telegramsPublished.get();
    }

    public long batchesPublished() {
        return batchesPublished.get();
    }
}
