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
import org.p1iota.camel.iota.mam.MamAddresses;
import org.p1iota.camel.iota.mam.MamException;
import org.p1iota.camel.iota.mam.MamMessage;
import org.p1iota.camel.iota.mam.MamMode;
import org.p1iota.camel.iota.mam.MamParser;
import org.p1iota.camel.iota.state.FollowBook;
import org.p1iota.camel.iota.state.Subscription;
import org.p1iota.camel.iota.tangle.TangleClient;
import org.p1iota.camel.iota.tangle.TangleMessage;

/**
 * Follows every subscription of the endpoint: reads the bundles at the address of its current root,
 * emits the one that parses and verifies under that root and side key, and moves on to its next root
 * once the route processed it. Bundles that do not parse (junk, or a key this reader does not have) are
 * skipped and counted; the subscription waits at that root.
 */
@ManagedResource(description = "IOTA MAM channel follower")
public class IotaMamConsumer extends ScheduledPollConsumer {

    static final String DEFAULT_SUBSCRIPTION = "default";

    private static final int REMEMBERED_UNREADABLE = 10_000;

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
        if (getEndpoint().getRoot() != null) {
            book.putIfAbsent(new Subscription(DEFAULT_SUBSCRIPTION, getEndpoint().getRoot(), getEndpoint().getMode(),
                    getEndpoint().getSideKey()));
        }
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        int total = 0;
        for (Subscription subscription : book.all()) {
            total += follow(subscription.id());
        }
        return total;
    }

    private int follow(String id) throws Exception {
        int count = 0;
        while (count < getEndpoint().getMaxMessagesPerPoll() && isRunAllowed()) {
            Optional<Subscription> current = book.get(id); // fresh: the route may have changed its key
            if (current.isEmpty()) {
                break;
            }
            Subscription subscription = current.get();
            Optional<Read> read = readAt(subscription);
            if (read.isEmpty() || !emit(subscription, read.get())) {
                break;
            }
            book.advance(id, subscription.root(), read.get().message().nextRoot());
            count++;
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
            } catch (MamException e) {
                if (countedUnreadable.add(bundle.bundleHash())) {
                    unreadableBundles++;
                }
            }
        }
        return Optional.empty();
    }

    private boolean emit(Subscription subscription, Read read) throws Exception {
        Exchange exchange = createExchange(true);
        try {
            exchange.getMessage().setBody(MessageBodies.fromTrytes(read.message().message(), getEndpoint().getMessageFormat()));
            exchange.getMessage().setHeader(IotaMamConstants.SUBSCRIPTION, subscription.id());
            exchange.getMessage().setHeader(IotaMamConstants.ROOT, subscription.root());
            exchange.getMessage().setHeader(IotaMamConstants.NEXT_ROOT, read.message().nextRoot());
            exchange.getMessage().setHeader(IotaMamConstants.ADDRESS, read.address());
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Failed processing MAM message at root " + subscription.root(),
                        exchange, exchange.getException());
                return false; // the same root is read again on the next poll: nothing is skipped
            }
            emitted++;
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }

    @ManagedAttribute(description = "Bundles at followed addresses that did not parse under the subscription's root and key")
    public long getUnreadableBundles() {
        return unreadableBundles;
    }

    @ManagedAttribute(description = "Messages emitted since start")
    public long getEmittedMessages() {
        return emitted;
    }
}
