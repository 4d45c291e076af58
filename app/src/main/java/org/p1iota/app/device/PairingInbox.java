package org.p1iota.app.device;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.InboxMessage;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.app.consent.pairing.ClaimContent;
import org.p1iota.app.consent.pairing.DevicePairing;
import org.p1iota.app.consent.pairing.PairedHome;
import org.p1iota.app.consent.pairing.PairingException;
import org.p1iota.camel.iota.IotaConstants;
import org.p1iota.camel.iota.IotaMamConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's public inbox: pairing (protocol version 2). CLAIM_DEVICE → CHALLENGE, ANSWER_CHALLENGE →
 * CLAIM_RESULT; on OK the paired home is stored before the result is sent, and the exchange is set up
 * to subscribe the event-channel follower to My Home's private channel. A claim is opened with the
 * device's pairing code first (cheap); only claims that open, are fresh and are not replays count
 * against the rate limit and cost a CHALLENGE transaction, so a flood of foreign claims cannot crowd
 * out the household's. Anything else on the inbox (garbage, other message types, boxes that do not
 * open, stale or replayed claims, answers to unknown claims) is dropped and counted; nothing here
 * throws on bad input.
 */
public final class PairingInbox {

    /** Header: true when the body is a reply to send to header {@code CamelIotaAddress}. */
    public static final String REPLY = "P1IotaDeviceReply";
    /** Header: true when the event-channel follower must (re)subscribe (headers CamelIotaMam* set). */
    public static final String SUBSCRIBE = "P1IotaDeviceSubscribe";
    /** The subscription id of My Home's event channel in the follower's state. */
    public static final String HOME_SUBSCRIPTION = "myhome";

    private static final Logger LOG = LoggerFactory.getLogger(PairingInbox.class);

    private final DevicePairing pairing;
    private final DeviceState state;
    private final ClaimRateLimiter limiter;
    private final ProtocolCodec codec = ProtocolCodec.forInbox();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong unopened = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();

    public PairingInbox(DevicePairing pairing, DeviceState state, ClaimRateLimiter limiter) {
        this.pairing = pairing;
        this.state = state;
        this.limiter = limiter;
    }

    public void handle(Exchange exchange) throws IOException {
        handled.incrementAndGet();
        Message message = exchange.getMessage();
        String json = message.getBody(String.class);
        message.setHeader(REPLY, false);
        message.setHeader(SUBSCRIBE, false);
        InboxMessage received;
        try {
            received = codec.decode(json == null ? "" : json, InboxMessage.class);
        } catch (ProtocolException e) {
            drop("unreadable (" + e.reason() + ")");
            return;
        }
        try {
            if (received instanceof ClaimDevice claim) {
                // opening costs one AES-GCM; only a claim made with this device's code reaches the rate limit
                ClaimContent opened = pairing.openClaim(claim);
                if (!limiter.tryAcquire()) {
                    long count = throttled.incrementAndGet();
                    if (worthLogging(count)) {
                        LOG.warn("pairing claim {} dropped: more claims than the rate limit allows ({} dropped so far)",
                                opened.claimId(), count);
                    }
                    return;
                }
                DevicePairing.Reply<Challenge> reply = pairing.challenge(opened);
                reply(message, reply.sendTo(), codec.encode(reply.message()));
                LOG.info("pairing claim {}: challenge sent", opened.claimId());
            } else if (received instanceof AnswerChallenge answer) {
                DevicePairing.Verdict verdict = pairing.onAnswer(answer);
                if (verdict.pairedHome().isPresent()) {
                    paired(message, verdict.pairedHome().get());
                }
                reply(message, verdict.sendTo(), codec.encode(verdict.result()));
                LOG.info("pairing: {}", verdict.pairedHome().isPresent() ? "paired" : "answer refused");
            } else {
                drop(received.messageType() + " is not for a device's inbox");
            }
        } catch (PairingException e) {
            if (e.reason() == PairingException.Reason.NOT_OPENED) {
                unopened.incrementAndGet(); // anyone's garbage or forgery: counted, not logged one by one
            }
            drop(e.reason() + ": " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw e; // the device's own storage: the consumer offers the message again
        } catch (RuntimeException e) { // a well-formed message with content the pairing cannot use
            drop(received.messageType() + " not usable: " + e);
        }
    }

    private void paired(Message message, PairedHome home) throws IOException {
        Optional<PairedHome> before = state.home();
        state.paired(home);
        if (before.isPresent() && before.get().eventChannelRoot().equals(home.eventChannelRoot())) {
            return; // paired again with the same home: keep following where the follower is
        }
        message.setHeader(SUBSCRIBE, true);
        message.setHeader(IotaMamConstants.SUBSCRIPTION, HOME_SUBSCRIPTION);
        message.setHeader(IotaMamConstants.ROOT, home.eventChannelRoot());
        message.setHeader(IotaMamConstants.MODE, "private");
    }

    private void reply(Message message, String sendTo, String json) {
        replies.incrementAndGet();
        message.setBody(json);
        message.setHeader(IotaConstants.ADDRESS, sendTo);
        message.setHeader(REPLY, true);
    }

    private void drop(String why) {
        long count = dropped.incrementAndGet();
        if (worthLogging(count)) {
            LOG.info("inbox message dropped ({} so far): {}", count, why);
        }
    }

    /** A flood on the public inbox must not become a flood in the log: the first ten, then every hundredth. */
    private static boolean worthLogging(long count) {
        return count <= 10 || count % 100 == 0;
    }

    public long droppedMessages() {
        return dropped.get();
    }

    /** Messages taken from the inbox, whatever became of them. */
    public long handledMessages() {
        return handled.get();
    }

    /** Replies (CHALLENGE, CLAIM_RESULT) handed to the route to send: each costs a transaction. */
    public long repliesSent() {
        return replies.get();
    }

    /** Pairing messages that did not open with this device's code (foreign, forged, or a mistyped code). */
    public long unopenedMessages() {
        return unopened.get();
    }

    /** Claims that opened but exceeded the rate limit. */
    public long throttledClaims() {
        return throttled.get();
    }
}
