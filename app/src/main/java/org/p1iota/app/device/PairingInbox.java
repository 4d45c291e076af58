package org.p1iota.app.device;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.InboxMessage;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.app.consent.pairing.DevicePairing;
import org.p1iota.app.consent.pairing.PairedHome;
import org.p1iota.app.consent.pairing.PairingException;
import org.p1iota.camel.iota.IotaConstants;
import org.p1iota.camel.iota.IotaMamConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's public inbox: pairing. CLAIM_DEVICE → CHALLENGE (rate-limited), ANSWER_CHALLENGE →
 * CLAIM_RESULT; on OK the paired home is stored before the result is sent, and the exchange is set up
 * to subscribe the event-channel follower to My Home's private channel. Anything else on the inbox
 * (garbage, other message types, claims for another device, answers to unknown claims) is dropped and
 * counted; nothing here throws on bad input.
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

    public PairingInbox(DevicePairing pairing, DeviceState state, ClaimRateLimiter limiter) {
        this.pairing = pairing;
        this.state = state;
        this.limiter = limiter;
    }

    public void handle(Exchange exchange) throws IOException {
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
                if (!limiter.tryAcquire()) {
                    long count = throttled.incrementAndGet();
                    if (worthLogging(count)) {
                        LOG.warn("pairing claim dropped: more claims than the rate limit allows ({} dropped so far)", count);
                    }
                    return;
                }
                DevicePairing.Reply<?> reply = pairing.onClaim(claim);
                reply(message, reply.sendTo(), codec.encode((InboxMessage) reply.message()));
                LOG.info("pairing claim {}: challenge sent to {}", claim.claimId(), reply.sendTo());
            } else if (received instanceof AnswerChallenge answer) {
                DevicePairing.Verdict verdict = pairing.onAnswer(answer);
                if (verdict.pairedHome().isPresent()) {
                    paired(message, verdict.pairedHome().get());
                }
                reply(message, verdict.sendTo(), codec.encode(verdict.result()));
                LOG.info("pairing claim {}: {}", answer.claimId(), verdict.result().result());
            } else {
                drop(received.messageType() + " is not for a device's inbox");
            }
        } catch (PairingException e) {
            drop(e.getMessage());
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

    private static void reply(Message message, String sendTo, String json) {
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

    public long throttledClaims() {
        return throttled.get();
    }
}
