package org.p1iota.app.device;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.p1iota.app.consent.delivery.EnvelopeFailure;
import org.p1iota.app.consent.policy.ConsentPolicy;
import org.p1iota.app.device.scope.ScopedPublisher;
import org.p1iota.app.spool.DurableSpool;
import org.p1iota.app.spool.SpoolRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a policy's window opens and closes on the data channel (issue 15: nothing before, nothing
 * after), judged by when the meter measured each telegram: a grant's keys go out just before the
 * first telegram measured at or after it, an end's rotation just before the first one measured at or
 * after it (or, with the meter silent or far behind, by the device's clock), and a batch never
 * straddles either. Used by the {@link DataChannelWorker}, on its thread.
 */
final class PolicyWindows {

    /** How long past its end a policy waits for telegrams measured before the end still to be published. */
    static final Duration END_GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(PolicyWindows.class);

    private final DurableSpool spool;
    private final DeviceState state;
    private final DeviceHouseholdEvents household;
    private final ScopedPublisher scoped;
    private final Clock clock;

    PolicyWindows(DurableSpool spool, DeviceState state, DeviceHouseholdEvents household, ScopedPublisher scoped, Clock clock) {
        this.spool = spool;
        this.state = state;
        this.household = household;
        this.scoped = scoped;
        this.clock = clock;
    }

    /**
     * End dates: a policy ends once the data channel published every telegram measured before its end
     * (the oldest waiting telegram was measured at or after it, or none waits) and the device's clock
     * passed it, or when the next telegram to publish was measured at or after it (a meter ahead of the
     * device); a batch never straddles an end (see {@link #cut}). So its holder gets everything measured
     * before the end and nothing after. A meter far behind the clock delays the end by {@link #END_GRACE} at most.
     */
    void expireDue() throws IOException {
        try {
            Instant now = clock.instant();
            Optional<Instant> head = Optional.empty();
            boolean nothingWaits = state.inFlight().isEmpty() && spool.pendingCount() == 0;
            if (state.inFlight().isEmpty() && !nothingWaits) {
                List<SpoolRecord> first = spool.peek(1);
                head = first.isEmpty() ? Optional.empty() : measuredAt(first.get(0));
            }
            for (ConsentPolicy policy : household.view().authorizedProviders()) {
                Instant until = policy.until();
                if (until == null) {
                    continue;
                }
                boolean measuredPast = head.isPresent() && !head.get().isBefore(until);
                boolean earlierPublished = (nothingWaits || measuredPast)
                        && (scoped == null || policy.scope().isFull() || !scoped.hasRecordsEndingBy(policy.scope(), until));
                boolean clockPast = !now.isBefore(until);
                if (measuredPast || (clockPast && (earlierPublished || !now.isBefore(until.plus(END_GRACE))))) {
                    household.expire(until);
                }
            }
        } catch (EnvelopeFailure e) {
            LOG.warn("a policy's end could not be sealed for the remaining providers: {}", e.getMessage());
        }
    }

    /** The time the meter measured a spooled telegram, if it says. */
    static Optional<Instant> measuredAt(SpoolRecord record) throws IOException {
        JsonNode time = MeterIntake.telegram(record.sequence(), record.payload()).parsed().path("timestamp");
        try {
            return time.isTextual() ? Optional.of(OffsetDateTime.parse(time.asText()).toInstant()) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the channel's next message starts with a telegram measured at or after {@code since}: no
     * batch in flight, and the oldest telegram waiting measured then or later. With none waiting the
     * keys wait too: a meter whose clock is behind still sends telegrams measured before the grant, and
     * they must go out under a key the new holder never gets. (A telegram without a time cannot be
     * judged; it lets the keys go.)
     */
    boolean measuredSince(Instant since) throws IOException {
        if (state.inFlight().isPresent()) {
            return false;
        }
        List<SpoolRecord> head = spool.peek(1);
        return !head.isEmpty() && measuredAt(head.get(0)).map(t -> !t.isBefore(since)).orElse(true);
    }

    /** The earliest grant whose keys wait for older telegrams to be published: a batch ends before it. */
    Optional<Instant> waitingGrant() {
        return state.deliveries().stream().map(household::activePolicy).flatMap(Optional::stream)
                .map(ConsentPolicy::since).min(Instant::compareTo);
    }

    /**
     * A batch never mixes telegrams from both sides of a grant waiting for its keys or of a full-scope
     * holder's end: it stops before the first telegram measured at or after either (published at once
     * when a grant waits for it).
     */
    List<SpoolRecord> cut(List<SpoolRecord> records, Optional<Instant> grant) throws IOException {
        Optional<Instant> end = household.firstEndOfFullScope();
        for (int i = 0; i < records.size(); i++) {
            Optional<Instant> measured = measuredAt(records.get(i));
            if (measured.isEmpty()) {
                continue;
            }
            boolean pastGrant = grant.isPresent() && !measured.get().isBefore(grant.get());
            boolean pastEnd = end.isPresent() && !measured.get().isBefore(end.get());
            if ((pastGrant || pastEnd) && i > 0) {
                return records.subList(0, i);
            }
            if (pastGrant || pastEnd) {
                return pastGrant && !pastEnd ? records : List.of();
            }
        }
        return records;
    }
}
