package org.p1iota.camel.iota;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledPollConsumer;
import org.p1iota.camel.iota.state.ProcessedBundles;
import org.p1iota.camel.iota.MessageAttempts.Outcome;
import org.p1iota.iota.tangle.BundleAssembler;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls an address and emits every new valid message bundle once, oldest first. Anyone can write
 * anything to an address, so nothing read there may stop the consumer: bundles that do not validate
 * are dropped and counted; a valid bundle whose message trytes are no bytes is dropped, counted and
 * recorded as handled; a message the route fails on is offered again on the next polls (later ones
 * wait, so the order holds) and after {@code 1 + maxRedeliveries} attempts dropped, counted and
 * recorded as handled. Handled bundles are recorded on disk, so a restart does not emit them again.
 */
@ManagedResource(description = "IOTA address consumer")
public class IotaConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(IotaConsumer.class);
    private static final int REMEMBERED_INVALID = 10_000;
    /** About 10 MB of hashes; past that the set starts again (one poll then reads everything once more). */
    private static final int REMEMBERED_TRANSACTIONS = 100_000;

    private TangleClient client;
    private ProcessedBundles processed;
    private MessageAttempts attempts;
    /** Invalid bundles already counted, so each counts once however often it is read again (bounded: a flood). */
    private final Set<String> reportedInvalid = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_INVALID;
        }
    });
    /**
     * Transactions of bundles that are handled or invalid for good: not fetched again, so the cost of a
     * poll grows with what is new at the address, not with all the junk ever written there.
     */
    private final Set<String> settledTransactions = new HashSet<>();
    private final DropLog invalid = new DropLog(LOG, "Dropped a bundle that does not validate");
    private final DropLog undecodable = new DropLog(LOG, "Dropped a message whose trytes are no bytes");
    private final DropLog failed = new DropLog(LOG, "Dropped a message the route kept failing on");
    private volatile long emitted;

    public IotaConsumer(IotaEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public IotaEndpoint getEndpoint() {
        return (IotaEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        client = getEndpoint().createClient();
        processed = ProcessedBundles.open(getEndpoint().processedBundlesFile());
        attempts = new MessageAttempts(getEndpoint().getMaxRedeliveries());
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        BundleAssembler.Result result = client.read(getEndpoint().getAddress(), settledTransactions);
        for (String bundle : result.rejectedBundles()) {
            if (reportedInvalid.add(bundle)) {
                invalid.dropped("bundle " + bundle + " at " + getEndpoint().getAddress());
            }
        }
        int count = 0;
        for (TangleMessage message : result.messages()) {
            if (!isRunAllowed()) {
                break;
            }
            // a bare bundle hash is how a release before 2026-12 recorded a handled message
            if (processed.contains(message.messageKey()) || processed.contains(message.bundleHash())) {
                continue;
            }
            Object body;
            try {
                body = MessageBodies.fromTrytes(message.trytes(), getEndpoint().getMessageFormat());
            } catch (UndecodableMessageException e) {
                processed.add(message.messageKey()); // the same trytes will never decode: not read again
                undecodable.dropped("bundle " + message.bundleHash() + ": " + e.getMessage());
                continue;
            }
            Outcome outcome = emit(message, body);
            if (outcome == Outcome.RETRY_LATER) {
                break; // keep the order: this one is offered again on the next poll, later ones wait
            }
            if (outcome == Outcome.PROCESSED) {
                count++;
            }
        }
        settle(result);
        return count;
    }

    private void settle(BundleAssembler.Result result) {
        if (settledTransactions.size() > REMEMBERED_TRANSACTIONS) {
            settledTransactions.clear();
        }
        // a bundle that does not validate stays invalid: its transactions are fixed by their hashes (a
        // valid chain of the same bundle is new transactions, which are fetched)
        result.transactionsByBundle().forEach((key, transactions) -> {
            if (processed.contains(key) || result.rejectedBundles().contains(key)) {
                settledTransactions.addAll(transactions);
            }
        });
    }

    private Outcome emit(TangleMessage message, Object body) {
        Exchange exchange = createExchange(true);
        String bundle = message.bundleHash();
        String key = message.messageKey();
        try {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(IotaConstants.ADDRESS, message.address());
            exchange.getMessage().setHeader(IotaConstants.BUNDLE_HASH, bundle);
            exchange.getMessage().setHeader(IotaConstants.TAIL_HASH, message.tailHash());
            exchange.getMessage().setHeader(IotaConstants.TAG, message.tag());
            exchange.getMessage().setHeader(IotaConstants.ATTACHMENT_TIMESTAMP, message.attachmentTimestamp());
            int failures = attempts.failuresOf(key);
            Outcome outcome = attempts.attempt(key, exchange, getProcessor());
            if (outcome == Outcome.PROCESSED) {
                processed.add(key);
                emitted++;
                return outcome;
            }
            if (outcome == Outcome.GIVEN_UP) {
                processed.add(key);
                failed.dropped("bundle " + bundle + " after " + (failures + 1) + " attempts: " + exchange.getException());
                return outcome;
            }
            getExceptionHandler().handleException("Failed processing message of bundle " + bundle + " (attempt "
                    + (failures + 1) + "); it is offered again on the next poll", exchange, exchange.getException());
            return outcome;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    @ManagedAttribute(description = "Bundles at the address that did not validate and were dropped")
    public long getInvalidBundles() {
        return invalid.count();
    }

    @ManagedAttribute(description = "Valid bundles whose message trytes are no bytes: dropped and recorded as handled")
    public long getUndecodableMessages() {
        return undecodable.count();
    }

    @ManagedAttribute(description = "Messages the route failed on 1 + maxRedeliveries times: dropped and recorded as handled")
    public long getFailedMessages() {
        return failed.count();
    }

    @ManagedAttribute(description = "Messages emitted since start")
    public long getEmittedMessages() {
        return emitted;
    }
}
