package org.p1iota.app.provider;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.p1iota.app.consent.delivery.ProviderKeys.RejectedKeysException;
import org.p1iota.app.consent.message.ChannelKeys;
import org.p1iota.app.consent.message.InboxDrops;
import org.p1iota.app.consent.message.MamData;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.camel.iota.IotaMamConstants;
import org.p1iota.camel.iota.IotaMamOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receiving the keys of a consent request: every open request has its own inbox route, made from
 * the route template {@value #TEMPLATE} of {@code routes/provider.yaml} when the request is created
 * (and again on start for the requests still open). The route hands each message to
 * {@link #receive}, which opens MAM_DATA, checks it comes from the granted device and sets the headers
 * that subscribe the household's data channel; {@link #subscribed} then records the household as
 * receiving and retires the inbox route. A refused delivery leaves the route in place.
 */
public final class KeyReceipt implements AutoCloseable {

    public static final String TEMPLATE = "provider-inbox";
    /** Set by the inbox route: which consent request the inbox belongs to. */
    public static final String HOUSEHOLD = "P1iotaHousehold";

    private static final Logger LOG = LoggerFactory.getLogger(KeyReceipt.class);
    private static final long STARTUP_CHECK_MILLIS = 20;
    private static final java.util.regex.Pattern MAM_DATA_TYPE = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"MAM_DATA\"");

    private final HouseholdStore households;
    private final ConsentRequests requests;
    private final ProviderHouseholdEvents events;
    private final java.time.Clock clock;
    private final java.time.Duration requestTtl;
    private final ProtocolCodec codec = ProtocolCodec.forInbox();
    private final InboxDrops drops = new InboxDrops(LOG, "a consent request's inbox");
    /** Adds and retires inbox routes when that cannot happen on the calling thread, one at a time. */
    private final ExecutorService routeChanges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "provider-inbox-routes");
        thread.setDaemon(true);
        return thread;
    });

    /** @param requestTtl how long a request waits for its keys before its inbox is no longer watched */
    private ConsentEnds ends;

    /** Where the end dates of consents are kept (issue 15). */
    public void useConsentEnds(ConsentEnds consentEnds) {
        this.ends = consentEnds;
    }

    public KeyReceipt(HouseholdStore households, ConsentRequests requests, ProviderHouseholdEvents events, java.time.Clock clock,
            java.time.Duration requestTtl) {
        this.clock = clock;
        this.requestTtl = requestTtl;
        this.households = households;
        this.requests = requests;
        this.events = events;
    }

    public static String routeId(String household) {
        return TEMPLATE + "-" + household;
    }

    /** Starts the inbox route of every request still waiting for its keys (after a restart). */
    public void watchOpenRequests(Exchange exchange) throws Exception {
        expireStale(exchange);
        for (Household household : households.inState(HouseholdState.WAITING_FOR_KEYS)) {
            watch(exchange.getContext(), household);
        }
    }

    /**
     * Adds the inbox route of one request, unless it is already there. While the context is still
     * starting (timer:provider-start fires then), Camel keeps the definition of a route added from a
     * template but never creates or starts the route, and the request's keys would never be read: the
     * route is then added from another thread once the context has started.
     */
    public void watch(CamelContext context, Household household) throws Exception {
        if (context.isStarted()) {
            addInboxRoute(context, household);
            return;
        }
        routeChanges.execute(() -> {
            try {
                if (awaitStarted(context)) {
                    addInboxRoute(context, household);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("Could not watch the inbox of consent request {}: {}", household.id(), e.getMessage());
            }
        });
    }

    /** @return false when the context stopped (or failed to start) instead */
    private static boolean awaitStarted(CamelContext context) throws InterruptedException {
        while (!context.isStarted()) {
            if (context.isStopping() || context.isStopped()) {
                return false;
            }
            Thread.sleep(STARTUP_CHECK_MILLIS);
        }
        return true;
    }

    private void addInboxRoute(CamelContext context, Household household) throws Exception {
        if (context.getRoute(routeId(household.id())) != null) {
            return;
        }
        TemplatedRouteBuilder.builder(context, TEMPLATE)
                .routeId(routeId(household.id()))
                .parameter("household", household.id())
                .parameter("inbox", household.inbox())
                .add();
        LOG.info("Waiting for the keys of consent request {} at inbox {}", household.id(), household.inbox());
    }

    /**
     * Opens a message of a request's inbox. For a MAM_DATA whose keys open with the request's key and
     * carry a valid proof under its grant secret, sets the headers of an iota-mam {@code subscribe};
     * anything else is dropped (the route stops) and the inbox stays watched for the genuine delivery:
     * an inbox address and its public key are public, so garbage, replays and forgeries are expected. A
     * key delivery refused is counted on the household, so its status can say so.
     */
    public void receive(Exchange exchange) throws SQLException {
        Message message = exchange.getMessage();
        String id = message.getHeader(HOUSEHOLD, String.class);
        Optional<Household> household = households.find(id);
        if (household.isEmpty() || household.get().state() != HouseholdState.WAITING_FOR_KEYS) {
            exchange.setRouteStop(true);
            return;
        }
        ChannelKeys keys;
        try {
            MamData mamData = codec.decode(message.getBody(String.class), MamData.class);
            keys = requests.keys(household.get()).open(mamData);
        } catch (ProtocolException e) {
            if (e.reason() != ProtocolException.Reason.UNEXPECTED_TYPE && isKeyDelivery(message)) {
                refused(id);
            }
            drops.dropped("consent request " + id + ": " + e.getMessage());
            exchange.setRouteStop(true);
            return;
        } catch (RejectedKeysException | RuntimeException e) {
            refused(id);
            drops.dropped("consent request " + id + ": key delivery refused: " + e.getMessage());
            exchange.setRouteStop(true);
            return;
        }
        message.setBody(null);
        message.setHeader("P1iotaPolicy", keys.policyId());
        message.setHeader("P1iotaDevice", keys.device());
        if (keys.until() != null) {
            message.setHeader("P1iotaUntil", keys.until().toString());
        }
        message.setHeader(IotaMamConstants.OPERATION, IotaMamOperation.subscribe);
        message.setHeader(IotaMamConstants.SUBSCRIPTION, id);
        message.setHeader(IotaMamConstants.ROOT, keys.dataRoot());
        message.setHeader(IotaMamConstants.MODE, "restricted");
        message.setHeader(IotaMamConstants.SIDE_KEY, keys.sideKey());
    }

    /** Whether the body at least calls itself a MAM_DATA (of any version): a key delivery, refused or not. */
    private static boolean isKeyDelivery(Message message) {
        String body = message.getBody(String.class);
        return body != null && MAM_DATA_TYPE.matcher(body).find();
    }

    private void refused(String id) throws SQLException {
        // logged with the inbox's drops (rate-limited: a flood of forgeries must not flood the log)
        if (households.rejectedKeyDelivery(id)) {
            int count = households.find(id).map(Household::rejectedKeyDeliveries).orElse(1);
            events.state(id, HouseholdState.WAITING_FOR_KEYS, ProviderApi.refusalMessage(count));
        }
    }

    /** Messages on the requests' inboxes that were dropped since start (refused key deliveries among them). */
    public long droppedMessages() {
        return drops.count();
    }

    /**
     * Requests that waited longer than the TTL stop being watched (state {@code expired}): every open
     * request costs a poll of the node, and anyone can create one.
     */
    public void expireStale(Exchange exchange) throws SQLException {
        for (String id : households.expireWaitingSince(clock.instant().minus(requestTtl))) {
            LOG.info("Consent request {} got no keys within {}; no longer watching its inbox", id, requestTtl);
            events.state(id, HouseholdState.EXPIRED);
            retire(exchange.getContext(), id);
        }
    }

    /** After the subscribe: the household receives, and its inbox route is no longer needed. */
    public void subscribed(Exchange exchange) throws SQLException {
        Message message = exchange.getMessage();
        message.removeHeader(IotaMamConstants.SIDE_KEY);
        String id = message.getHeader(HOUSEHOLD, String.class);
        String until = message.getHeader("P1iotaUntil", String.class);
        if (until != null && ends != null) {
            ends.record(id, java.time.Instant.parse(until));
        }
        if (households.startReceiving(id, message.getHeader("P1iotaPolicy", String.class),
                message.getHeader("P1iotaDevice", String.class))) {
            LOG.info("Consent request {} granted: following the data channel of device {}", id,
                    message.getHeader("P1iotaDevice", String.class));
            events.state(id, HouseholdState.RECEIVING);
        }
        retire(exchange.getContext(), id);
    }

    /** A route cannot remove itself while its exchange runs: retire it from another thread. */
    private void retire(CamelContext context, String id) {
        if (context.getRoute(routeId(id)) == null) {
            return;
        }
        routeChanges.execute(() -> {
            try {
                context.getRouteController().stopRoute(routeId(id));
                context.removeRoute(routeId(id));
            } catch (Exception e) {
                LOG.warn("Could not retire the inbox route of {}: {}", id, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        routeChanges.shutdownNow();
    }
}
