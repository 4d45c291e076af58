package org.p1iota.camel.iota;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

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
import org.p1iota.camel.iota.state.Subscriptions;
import org.p1iota.camel.iota.MessageAttempts.Outcome;
import org.p1iota.camel.iota.state.Subscription;
import org.p1iota.iota.tangle.AddressBatchReader;
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

    private AddressBatchReader reader;
    private Subscriptions book;
    private QuietChannels quiet;
    /** The threads of {@code parallelChannels}; null when channels are read one after the other. */
    private ExecutorService readers;
    /** Only the poll thread uses it. */
    private final Map<String, Position> positions = new java.util.HashMap<>();
    private volatile int followedChannels;
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
        reader = new AddressBatchReader(client(), getEndpoint().getConfiguration().getMaxAddressesPerRequest());
        book = getEndpoint().followBook();
        quiet = new QuietChannels(getEndpoint().getDelay(), getEndpoint().getMaxQuietDelay());
        if (getEndpoint().getParallelChannels() > 1) {
            readers = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "IotaMamChannelReader", getEndpoint().getParallelChannels());
        }
        if (getEndpoint().getRoot() != null) {
            book.putIfAbsent(new Subscription(DEFAULT_SUBSCRIPTION, getEndpoint().getRoot(), getEndpoint().getMode(),
                    getEndpoint().getSideKey()));
        }
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (readers != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(readers);
            readers = null;
        }
    }

    @Override
    protected int poll() throws Exception {
        long now = System.nanoTime();
        List<String> due = new ArrayList<>();
        Set<String> followed = new HashSet<>();
        List<Subscription> all = book.all();
        for (Subscription subscription : all) {
            if (getEndpoint().inShard(subscription.id())) {
                followed.add(subscription.id());
                if (quiet.isDue(subscription.id(), now)) {
                    due.add(subscription.id());
                }
            }
        }
        quiet.retain(followed);
        positions.keySet().retainAll(followed);
        followedChannels = followed.size();
        long wall = System.currentTimeMillis();
        caughtUpAt.keySet().retainAll(followed);
        for (String id : followed) {
            caughtUpAt.putIfAbsent(id, wall);
        }
        int total = 0;
        Exception first = null;
        // round after round, the channels that just gave a message are asked for their next one, together;
        // skipped messages count against the poll's limit too: a channel of junk must not hold the others
        List<String> pending = due;
        for (int round = 0; round < getEndpoint().getMaxMessagesPerPoll() && !pending.isEmpty() && isRunAllowed(); round++) {
            // fresh: the route may have changed a key; one read of the store per round, not one per channel
            Map<String, Subscription> stored = new java.util.HashMap<>();
            for (Subscription subscription : round == 0 ? all : book.all()) {
                stored.put(subscription.id(), subscription);
            }
            Map<String, Subscription> current = new LinkedHashMap<>();
            for (String id : pending) {
                Subscription subscription = stored.get(id);
                if (subscription != null) {
                    current.put(id, subscription);
                }
            }
            Map<String, String> addresses = new LinkedHashMap<>();
            for (Subscription subscription : current.values()) {
                addresses.put(subscription.id(), addressOf(subscription));
            }
            AddressBatchReader.Batch batch = reader.read(addresses.values());
            List<Step> steps = readAll(new ArrayList<>(current.values()), subscription -> {
                String address = addresses.get(subscription.id());
                return readOne(subscription, address, batch.byAddress().get(address).messages());
            });
            List<String> next = new ArrayList<>();
            for (Step step : steps) {
                if (step.failure() != null) {
                    // the others are still read; the poll reports the failure afterwards
                    if (first == null) {
                        first = step.failure();
                    } else {
                        first.addSuppressed(step.failure());
                    }
                } else if (step.outcome() == null) {
                    caughtUpAt.put(step.id(), System.currentTimeMillis());
                    if (round == 0) {
                        quiet.empty(step.id(), System.nanoTime());
                    }
                } else {
                    quiet.active(step.id());
                    if (step.outcome() != Outcome.RETRY_LATER) {
                        next.add(step.id());
                    }
                    if (step.outcome() == Outcome.PROCESSED) {
                        total++;
                    }
                }
            }
            pending = next;
        }
        if (first != null) {
            throw first;
        }
        return total;
    }

    private record Read(MamMessage message, String address) {
    }

    /** What one channel's read in a round came to: no message (outcome null), the route's outcome, or a failure. */
    private record Step(String id, Outcome outcome, RuntimeException failure) {
    }

    /**
     * Parses the channel's bundles, offers the message to the route and moves the channel on: the part of
     * a round that one channel needs alone, so channels can go through it side by side.
     */
    private Step readOne(Subscription subscription, String address, List<TangleMessage> bundles) {
        try {
            Optional<Read> read = parse(subscription, address, bundles);
            if (read.isEmpty()) {
                return new Step(subscription.id(), null, null);
            }
            Outcome outcome = emit(subscription, read.get());
            if (outcome != Outcome.RETRY_LATER) {
                book.advance(subscription.id(), subscription.root(), read.get().message().nextRoot());
            }
            return new Step(subscription.id(), outcome, null);
        } catch (RuntimeException e) {
            return new Step(subscription.id(), null, e);
        }
    }

    /** {@code read} for each subscription, in order; on {@code parallelChannels} threads when there are several. */
    private List<Step> readAll(List<Subscription> subscriptions, Function<Subscription, Step> read)
            throws InterruptedException {
        if (readers == null || subscriptions.size() < 2) {
            return subscriptions.stream().map(read).toList();
        }
        List<Callable<Step>> tasks = subscriptions.stream()
                .<Callable<Step>>map(subscription -> () -> read.apply(subscription)).toList();
        List<Step> steps = new ArrayList<>(tasks.size());
        for (Future<Step> done : readers.invokeAll(tasks)) {
            try {
                steps.add(done.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a channel read failed outside its own handling", e.getCause());
            }
        }
        return steps;
    }

    /** A channel's current root and its address: a Curl hash (jota's, slow), asked of every followed channel on every read. */
    private record Position(String root, String mode, String address) {
    }

    private String addressOf(Subscription subscription) throws MamException {
        Position known = positions.get(subscription.id());
        if (known != null && known.root().equals(subscription.root()) && known.mode().equals(subscription.mode())) {
            return known.address();
        }
        String address = MamAddresses.address(subscription.root(), MamMode.parse(subscription.mode()));
        positions.put(subscription.id(), new Position(subscription.root(), subscription.mode(), address));
        return address;
    }

    private Optional<Read> parse(Subscription subscription, String address, List<TangleMessage> bundles) {
        for (TangleMessage bundle : bundles) {
            try {
                return Optional.of(new Read(MamParser.parse(bundle.trytes(), subscription.root(), subscription.sideKey()), address));
            } catch (MamException | RuntimeException e) { // anyone writes to the address: a parser slip is junk too
                synchronized (countedUnreadable) {
                    if (countedUnreadable.add(bundle.bundleHash())) {
                        unreadableBundles++;
                    }
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

    @ManagedAttribute(description = "Channels this consumer follows (its shard's)")
    public int getFollowedChannels() {
        return followedChannels;
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
