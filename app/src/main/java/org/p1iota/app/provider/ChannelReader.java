package org.p1iota.app.provider;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.p1iota.app.channel.DataChannelDecoder;
import org.p1iota.app.channel.DataV2Exception;
import org.p1iota.app.consent.delivery.ProviderKeys.RejectedKeysException;
import org.p1iota.app.consent.message.Data;
import org.p1iota.app.consent.message.DataChannelMessage;
import org.p1iota.app.consent.message.KeyRotation;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.app.consent.message.Readings;
import org.p1iota.app.consent.message.RotatedKey;
import org.p1iota.app.consent.message.Telegram;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.camel.iota.IotaMamOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the households' data channels carry (the iota-mam follower's messages, header
 * {@code CamelIotaMamSubscription} = household, body = the message trytes): DATA (v2, or v1 on older
 * channels; {@link DataChannelDecoder} re-parses each telegram and checks its CRC) is stored and
 * pushed to live pages;
 * KEY_ROTATION either gives this provider the new side key (headers for
 * {@code changeSubscriptionSideKey}) or leaves it out, which means revoked (headers for
 * {@code unsubscribe}). After this bean, the route sends to the iota-mam producer when
 * {@code CamelIotaMamOperation} is set. A failure (e.g. the database) throws, so the follower
 * reads the same message again later: nothing is skipped.
 */
public final class ChannelReader {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelReader.class);

    private final HouseholdStore households;
    private final ReadingStore readings;
    private final ConsentRequests requests;
    private final ProviderHouseholdEvents events;
    private final Clock clock;
    private final DataChannelDecoder decoder = new DataChannelDecoder();
    private ConsentEnds ends;

    public ChannelReader(HouseholdStore households, ReadingStore readings, ConsentRequests requests, ProviderHouseholdEvents events,
            Clock clock) {
        this.households = households;
        this.readings = readings;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /** The consents' end dates: a rotation at the end reads as "ended", not "revoked". */
    public void useConsentEnds(ConsentEnds consentEnds) {
        this.ends = consentEnds;
    }

    public void onMessage(Exchange exchange) throws SQLException {
        Message message = exchange.getMessage();
        message.removeHeader(IotaMamConstants.OPERATION);
        String id = message.getHeader(IotaMamConstants.SUBSCRIPTION, String.class);
        Optional<Household> household = households.find(id);
        if (household.isPresent() && household.get().state() == HouseholdState.WAITING_FOR_KEYS) {
            // subscribed a moment ago, not yet recorded as receiving: read this root again on the next poll
            throw new IllegalStateException("the subscription of " + id + " is not recorded yet; reading it again later");
        }
        if (household.isEmpty() || household.get().state() != HouseholdState.RECEIVING) {
            // e.g. revoked just before a crash, before the unsubscribe: finish the job
            LOG.warn("Unsubscribed the data channel of {}, which is not receiving", id);
            message.setBody(null);
            message.setHeader(IotaMamConstants.OPERATION, IotaMamOperation.unsubscribe);
            return;
        }
        DataChannelMessage decoded;
        try {
            decoded = decoder.decode(message.getBody(String.class));
        } catch (ProtocolException | DataV2Exception e) {
            // signed by the channel owner but not a message we understand: skip it, keep following
            LOG.warn("Skipped an unreadable message on the data channel of {}: {}", id, e.getMessage());
            return;
        }
        if (decoded instanceof Data data) {
            store(household.get(), data);
        } else if (decoded instanceof KeyRotation rotation) {
            rotate(household.get(), rotation, message);
        } else if (decoded instanceof Readings scoped) {
            store(household.get(), scoped);
        }
    }

    /**
     * A scoped channel's records, stored as readings at the end of their interval (sequence: the end's
     * epoch second, so a record read twice is stored once); what the scope left out stays null.
     */
    private void store(Household household, Readings scoped) throws SQLException {
        if (!scoped.device().equals(household.device())) {
            LOG.warn("Skipped READINGS of device {} on the channel of {}", scoped.device(), household.id());
            return;
        }
        List<StoredReading> batch = new ArrayList<>();
        for (Readings.Interval record : scoped.records()) {
            batch.add(ScopedValues.read(household.id(), record));
        }
        for (StoredReading added : readings.store(batch)) {
            events.reading(added);
        }
    }

    private void store(Household household, Data data) throws SQLException {
        if (!data.device().equals(household.device())) {
            LOG.warn("Skipped DATA of device {} on the channel of {}, which follows {}", data.device(), household.id(),
                    household.device());
            return;
        }
        Instant now = clock.instant();
        List<StoredReading> batch = new ArrayList<>();
        for (Telegram telegram : data.telegrams()) {
            batch.add(TelegramValues.read(household.id(), telegram, now));
        }
        for (StoredReading added : readings.store(batch)) {
            events.reading(added);
        }
    }

    private void rotate(Household household, KeyRotation rotation, Message message) throws SQLException {
        Optional<RotatedKey> key;
        try {
            key = requests.keys(household).open(rotation, household.policyId());
        } catch (RejectedKeysException e) {
            // an entry for us that does not open is as good as none: we cannot read on
            LOG.warn("The key rotation's entry for {} did not open: {}", household.id(), e.getMessage());
            key = Optional.empty();
        }
        message.setBody(null);
        if (key.isPresent()) {
            message.setHeader(IotaMamConstants.OPERATION, IotaMamOperation.changeSubscriptionSideKey);
            message.setHeader(IotaMamConstants.SIDE_KEY, key.get().sideKey());
            LOG.info("The data channel of {} continues under a new side key", household.id());
        } else {
            message.setHeader(IotaMamConstants.OPERATION, IotaMamOperation.unsubscribe);
            if (ends != null && ends.endedBy(household.id(), clock.instant(), household.lastReadingAt()) && households.end(household.id())) {
                LOG.info("The consent of {} ended at its end date", household.id());
                events.state(household.id(), HouseholdState.ENDED);
            } else if (households.revoke(household.id())) {
                LOG.info("Access to the data of {} was revoked", household.id());
                events.state(household.id(), HouseholdState.REVOKED);
            }
        }
    }
}
