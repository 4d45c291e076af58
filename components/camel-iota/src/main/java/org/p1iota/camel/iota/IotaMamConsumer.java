package org.p1iota.camel.iota;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
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
public class IotaMamConsumer extends TangleConsumerSupport<IotaMamEndpoint> {

    static final String DEFAULT_SUBSCRIPTION = "default";

    private static final int REMEMBERED_UNREADABLE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(IotaMamConsumer.class);

    private FollowBook book;
    /** Unreadable bundles already counted, so each counts once however often it is read again. */
    private final Set<String> countedUnreadable = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_UNREADABLE;
        }
    });
    private volatile long unreadableBundles;
    /** Followers' lag: per subscription, when a poll last found no further message (or first saw it). */
    private final Map<String, Long> caughtUpAt = new java.util.concurrent.ConcurrentHashMap<>();

    public IotaMamConsumer(IotaMamEndpoint endpoint, Processor processor) {
        super(endpoint, processor, LOG, "Skipped a channel message");
    }

    @Override
    protected void open() throws Exception {
        book = getEndpoint().followBook();
        if (getEndpoint().getRoot() != null) {
            book.putIfAbsent(new Subscription(DEFAULT_SUBSCRIPTION, getEndpoint().getRoot(), getEndpoint().getMode(),
                    getEndpoint().getSideKey()));
        }
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
        List<TangleMessage> bundles = client().read(address).messages();
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
        String what = "MAM message at root " + subscription.root() + " (subscription " + subscription.id() + ", address "
                + read.address() + ")";
        Object body = bodyOf(read.message().message(), what);
        if (body == null) {
            return Outcome.GIVEN_UP;
        }
        // the same root with the same next root is the same message: its failures count together; on
        // RETRY_LATER the same root is read again on the next poll, nothing is skipped yet
        return deliver(subscription.id() + "/" + subscription.root(), what, body, headers -> {
            headers.setHeader(IotaMamConstants.SUBSCRIPTION, subscription.id());
            headers.setHeader(IotaMamConstants.ROOT, subscription.root());
            headers.setHeader(IotaMamConstants.NEXT_ROOT, read.message().nextRoot());
            headers.setHeader(IotaMamConstants.ADDRESS, read.address());
        });
    }

    @ManagedAttribute(description = "Bundles at followed addresses that did not parse under the subscription's root and key")
    public long getUnreadableBundles() {
        return unreadableBundles;
    }

    /**
     * Per followed subscription, when this consumer last found no further message on it (it was caught up
     * then), in epoch millis; a subscription not caught up since it was first polled counts from then. How far
     * behind a follower is: now minus the oldest of these.
     */
    public Map<String, Long> getCaughtUpTimes() {
        return Map.copyOf(caughtUpAt);
    }
}
