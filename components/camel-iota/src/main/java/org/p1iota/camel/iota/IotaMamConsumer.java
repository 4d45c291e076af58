package org.p1iota.camel.iota;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.p1iota.iota.mam.MamAddresses;
import org.p1iota.iota.mam.MamException;
import org.p1iota.iota.mam.MamMessage;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.camel.iota.state.FollowBook;
import org.p1iota.camel.iota.MessageAttempts.Outcome;
import org.p1iota.camel.iota.state.Subscription;
import org.p1iota.iota.tangle.TangleClient;
import org.p1iota.iota.tangle.TangleMessage;

/**
 * Follows every subscription of the endpoint: reads the bundles at the address of its current root,
 * emits the one that parses and verifies under that root and side key, and moves on to its next root
 * once the route processed it. Bundles that do not parse (junk, or a key this reader does not have) are
 * skipped and counted; the subscription waits at that root. A message that verifies but whose trytes
 * are no bytes is skipped at once, and one the route fails on is offered again on the next polls and
 * skipped after {@code 1 + maxRedeliveries} attempts: both are counted, and the subscription moves on
 * to the next root, so a channel's owner cannot stop its followers. One subscription's failure never
 * keeps the others from being read.
 */
@ManagedResource(description = "IOTA MAM channel follower")
public class IotaMamConsumer extends ScheduledPollConsumer {

    static final String DEFAULT_SUBSCRIPTION = "default";

    private static final int REMEMBERED_UNREADABLE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(IotaMamConsumer.class);

    private TangleClient client;
    private FollowBook book;
    /** Unreadable bundles already counted, so each counts once however often it is read again. */
    private final Set<String> countedUnreadable = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_UNREADABLE;
        }
    });
    private volatile long unreadableBundles;
    private volatile long emitted;
    private MessageAttempts attempts;
    /** Followers' lag: per subscription, when a poll last found no further message (or first saw it). */
    private final Map<String, Long> caughtUpAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final DropLog undecodable = new DropLog(LOG, "Skipped a channel message whose trytes are no bytes");
    private final DropLog failed = new DropLog(LOG, "Skipped a channel message the route kept failing on");

    public IotaMamConsumer(IotaMamEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public IotaMamEndpoint getEndpoint() {
        return (IotaMamEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        client = getEndpoint().createClient();
        book = getEndpoint().followBook();
        attempts = new MessageAttempts(getEndpoint().getMaxRedeliveries());
        if (getEndpoint().getRoot() != null) {
            book.putIfAbsent(new Subscription(DEFAULT_SUBSCRIPTION, getEndpoint().getRoot(), getEndpoint().getMode(),
                    getEndpoint().getSideKey()));
        }
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        int total = 0;
        Exception first = null;
        List<Subscription> subscriptions = book.all();
        long now = System.currentTimeMillis();
        caughtUpAt.keySet().retainAll(subscriptions.stream().map(Subscription::id).collect(java.util.stream.Collectors.toSet()));
        for (Subscription subscription : subscriptions) {
            caughtUpAt.putIfAbsent(subscription.id(), now);
            try {
                total += follow(subscription.id());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // the others are still read; the poll reports the failure afterwards (node down: all fail alike)
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return total;
    }

    private int follow(String id) throws Exception {
        int count = 0;
        // skipped messages count against the poll's limit too: a channel of junk must not hold the others
        for (int step = 0; step < getEndpoint().getMaxMessagesPerPoll() && isRunAllowed(); step++) {
            Optional<Subscription> current = book.get(id); // fresh: the route may have changed its key
            if (current.isEmpty()) {
                break;
            }
            Subscription subscription = current.get();
            Optional<Read> read = readAt(subscription);
            if (read.isEmpty()) {
                caughtUpAt.put(id, System.currentTimeMillis());
                break;
            }
            Outcome outcome = emit(subscription, read.get());
            if (outcome == Outcome.RETRY_LATER) {
                break;
            }
            book.advance(id, subscription.root(), read.get().message().nextRoot());
            if (outcome == Outcome.PROCESSED) {
                count++;
            }
        }
        return count;
    }

    private record Read(MamMessage message, String address) {
    }

    private Optional<Read> readAt(Subscription subscription) throws Exception {
        MamMode mode = MamMode.parse(subscription.mode());
        String address = MamAddresses.address(subscription.root(), mode);
        List<TangleMessage> bundles = client.read(address).messages();
        for (TangleMessage bundle : bundles) {
            try {
                return Optional.of(new Read(MamParser.parse(bundle.trytes(), subscription.root(), subscription.sideKey()), address));
            } catch (MamException | RuntimeException e) { // anyone writes to the address: a parser slip is junk too
                if (countedUnreadable.add(bundle.bundleHash())) {
                    unreadableBundles++;
                }
            }
        }
        return Optional.empty();
    }

    private Outcome emit(Subscription subscription, Read read) {
        Object body;
        try {
            body = MessageBodies.fromTrytes(read.message().message(), getEndpoint().getMessageFormat());
        } catch (UndecodableMessageException e) {
            undecodable.dropped("subscription " + subscription.id() + ", message at " + read.address() + ": " + e.getMessage());
            return Outcome.GIVEN_UP;
        }
        // the same root with the same next root is the same message: its failures count together
        String key = subscription.id() + "/" + subscription.root();
        int failures = attempts.failuresOf(key);
        Exchange exchange = createExchange(true);
        try {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeader(IotaMamConstants.SUBSCRIPTION, subscription.id());
            exchange.getMessage().setHeader(IotaMamConstants.ROOT, subscription.root());
            exchange.getMessage().setHeader(IotaMamConstants.NEXT_ROOT, read.message().nextRoot());
            exchange.getMessage().setHeader(IotaMamConstants.ADDRESS, read.address());
            Outcome outcome = attempts.attempt(key, exchange, getProcessor());
            if (outcome == Outcome.PROCESSED) {
                emitted++;
                return outcome;
            }
            if (outcome == Outcome.GIVEN_UP) {
                failed.dropped("subscription " + subscription.id() + ", message at " + read.address() + " after "
                        + (failures + 1) + " attempts: " + exchange.getException());
                return outcome;
            }
            getExceptionHandler().handleException("Failed processing MAM message at root " + subscription.root() + " (attempt "
                    + (failures + 1) + "); it is offered again on the next poll", exchange, exchange.getException());
            return outcome; // the same root is read again on the next poll: nothing is skipped yet
        } finally {
            releaseExchange(exchange, false);
        }
    }

    @ManagedAttribute(description = "Bundles at followed addresses that did not parse under the subscription's root and key")
    public long getUnreadableBundles() {
        return unreadableBundles;
    }

    @ManagedAttribute(description = "Verified channel messages whose trytes are no bytes: skipped")
    public long getUndecodableMessages() {
        return undecodable.count();
    }

    @ManagedAttribute(description = "Channel messages the route failed on 1 + maxRedeliveries times: skipped")
    public long getFailedMessages() {
        return failed.count();
    }

    /**
     * Per followed subscription, when this consumer last found no further message on it (it was caught up
     * then), in epoch millis; a subscription not caught up since it was first polled counts from then. How far
     * behind a follower is: now minus the oldest of these.
     */
    public Map<String, Long> getCaughtUpTimes() {
        return Map.copyOf(caughtUpAt);
    }

    @ManagedAttribute(description = "Messages emitted since start")
    public long getEmittedMessages() {
        return emitted;
    }
}
