package org.p1iota.app.myhome;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.message.InboxDrops;
import org.p1iota.app.consent.message.InboxMessage;
import org.p1iota.app.consent.message.ProtocolCodec;
import org.p1iota.app.consent.message.ProtocolException;
import org.p1iota.app.consent.pairing.ChallengeContent;
import org.p1iota.app.consent.pairing.MyHomePairingSession;
import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.app.consent.pairing.PairingException;
import org.p1iota.app.consent.pairing.ResultContent;
import org.p1iota.app.consent.policy.CommandRefusedException;
import org.p1iota.app.consent.policy.MyHomeCommands;
import org.p1iota.app.myhome.PairingProgress.Failure;
import org.p1iota.app.myhome.PairingProgress.Step;
import org.p1iota.camel.iota.IotaConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * My Home's side of pairing (protocol version 2): sends the sealed CLAIM_DEVICE to the device's address,
 * answers its CHALLENGE with the sealed event-channel root, and on CLAIM_RESULT OK publishes
 * DEVICE_ADDED. Inbox messages arrive through the inbox route ({@link #onInbox}); a message belongs to
 * the pairing in progress under whose keys it opens, with its claim id inside. Anything else on the
 * public inbox (forgeries, replays, other people's messages) is dropped and counted and never touches
 * a pairing. The claim is sent on a background thread so that
 * {@code POST /api/devices} answers at once while the proof of work runs.
 */
public final class Pairings implements AutoCloseable {

    public static final String SEND_ENDPOINT = "direct:myhome-send-inbox";
    private static final Logger LOG = LoggerFactory.getLogger(Pairings.class);
    private static final int REMEMBERED = 64;

    private final EventStore store;
    private final MyHomeCommands commands;
    private final String inbox;
    private final String eventRoot;
    private final Clock clock;
    private final Duration challengeWait;
    private final Duration timeout;
    private final SecureRandom random;
    private final ProtocolCodec codec = ProtocolCodec.forInbox();
    private final InboxDrops drops = new InboxDrops(LOG, "My Home's inbox");
    private final Map<String, PairingProgress> pairings = new LinkedHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "myhome-pairing-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ProducerTemplate template;

    /**
     * @param challengeWait how long a pairing waits for the device's challenge: a device ignores a claim
     *                      made with a wrong code, so silence is all a wrong code gets
     * @param timeout       how long a pairing may take in all
     */
    public Pairings(EventStore store, MyHomeCommands commands, String inbox, String eventRoot, Clock clock,
            Duration challengeWait, Duration timeout, SecureRandom random) {
        this.store = store;
        this.commands = commands;
        this.inbox = inbox;
        this.eventRoot = eventRoot;
        this.clock = clock;
        this.challengeWait = challengeWait;
        this.timeout = timeout;
        this.random = random;
    }

    /** Starts pairing a device: checks, registers the pairing, and sends the claim in the background. */
    public PairingProgress start(CamelContext context, String address, PairingCode code, String name)
            throws ApiRefusal, EventChannelException {
        useContext(context);
        if (store.state().isActiveDevice(address)) {
            throw new ApiRefusal(409, "already_paired", "This device is already paired with this household.");
        }
        MyHomePairingSession session = MyHomePairingSession.start(address, code, inbox, eventRoot, clock, challengeWait, timeout,
                random);
        PairingProgress progress = new PairingProgress("pr_" + session.claimId(), address, name, session, clock);
        synchronized (pairings) {
            boolean busy = pairings.values().stream().anyMatch(p -> p.address().equals(address) && p.running());
            if (busy) {
                throw new ApiRefusal(409, "pairing_in_progress", "This device is being paired already; wait for that attempt to end.");
            }
            pairings.put(session.claimId(), progress);
            forgetOldest();
        }
        sender.execute(() -> {
            if (send(progress, address, session.claim())) {
                progress.done(Step.CLAIM_SENT);
            }
        });
        return progress;
    }

    public Optional<PairingProgress> find(String pairingId) {
        synchronized (pairings) {
            return pairings.values().stream().filter(p -> p.id().equals(pairingId)).findFirst();
        }
    }

    /**
     * The inbox route's step: one message from My Home's public inbox. Anyone writes there: whatever
     * this cannot use is dropped and counted, never thrown at the inbox consumer.
     */
    public void onInbox(Exchange exchange) {
        useContext(exchange.getContext());
        String body = exchange.getMessage().getBody(String.class);
        InboxMessage message;
        try {
            message = codec.decode(body, InboxMessage.class);
        } catch (ProtocolException e) {
            drops.dropped(e.getMessage());
            return;
        }
        try {
            // each pairing's keys are tried in turn: a message that opens under none is not for a pairing of ours
            boolean opened = false;
            for (PairingProgress progress : running()) {
                if (message instanceof Challenge challenge) {
                    Optional<ChallengeContent> content = progress.session().open(challenge);
                    content.ifPresent(c -> onChallenge(progress, c));
                    opened |= content.isPresent();
                } else if (message instanceof ClaimResult result) {
                    Optional<ResultContent> content = progress.session().open(result);
                    content.ifPresent(r -> onResult(progress, r));
                    opened |= content.isPresent();
                }
                if (opened) {
                    return;
                }
            }
            drops.dropped("a " + message.messageType() + " that belongs to no pairing in progress"
                    + " (forged, someone else's, a replay, or not a pairing message)");
        } catch (RuntimeException e) { // a well-formed message with content the pairing cannot use
            drops.dropped(message.messageType() + " not usable: " + e);
        }
    }

    /** Messages on My Home's inbox that were dropped since start: unreadable, or for no pairing in progress. */
    public long droppedMessages() {
        return drops.count();
    }

    private List<PairingProgress> running() {
        synchronized (pairings) {
            return pairings.values().stream().filter(PairingProgress::running).toList();
        }
    }

    private void onChallenge(PairingProgress progress, ChallengeContent challenge) {
        AnswerChallenge answer;
        try {
            answer = progress.session().onChallenge(challenge);
        } catch (PairingException e) {
            LOG.info("Ignored a challenge for pairing {}: {}", progress.id(), e.getMessage());
            progress.session().failure().ifPresent(why -> progress.fail(failureOf(why)));
            return;
        }
        progress.done(Step.CLAIM_SENT); // the device answered, so the claim is on the tangle
        progress.done(Step.CHALLENGE_RECEIVED);
        if (send(progress, progress.address(), answer)) {
            progress.done(Step.ANSWER_SENT);
        }
    }

    private void onResult(PairingProgress progress, ResultContent result) {
        MyHomePairingSession.State state;
        try {
            state = progress.session().onResult(result);
        } catch (PairingException e) {
            LOG.info("Ignored a result for pairing {}: {}", progress.id(), e.getMessage());
            return;
        }
        progress.done(Step.ANSWER_SENT);
        if (state != MyHomePairingSession.State.PAIRED) {
            progress.fail(failureOf(progress.session().failure().orElse(MyHomePairingSession.Failure.WRONG_CODE)));
            return;
        }
        progress.done(Step.RESULT_RECEIVED);
        try {
            var added = store.execute(current -> commands.addDevice(current, progress.address(), progress.name()));
            progress.succeeded(DeviceApi.deviceJson(added.device(), added.name(), added.at()));
        } catch (CommandRefusedException e) {
            progress.fail(new Failure(e.reason() == CommandRefusedException.Reason.DEVICE_ALREADY_PAIRED
                    ? "already_paired" : "pairing_failed", e.getMessage()));
        } catch (EventChannelException e) {
            progress.fail(new Failure("node_unreachable", "The device accepted the pairing, but My Home could not publish "
                    + "DEVICE_ADDED on its event channel: " + e.getMessage()));
        }
    }

    static Failure failureOf(MyHomePairingSession.Failure why) {
        return switch (why) {
            case WRONG_CODE -> Failure.WRONG_CODE;
            case NO_CHALLENGE -> Failure.NO_CHALLENGE;
            case TIMED_OUT -> Failure.NOT_ANSWERING;
            default -> new Failure("pairing_failed", "Pairing failed: " + why.explanation() + ".");
        };
    }

    /** Sends one inbox message to {@code address}; a failure ends the pairing as node_unreachable. */
    private boolean send(PairingProgress progress, String address, InboxMessage message) {
        Exchange sent = template.request(SEND_ENDPOINT, e -> {
            e.getMessage().setBody(codec.encode(message));
            e.getMessage().setHeader(IotaConstants.ADDRESS, address);
        });
        if (sent.getException() != null) {
            LOG.warn("Pairing {}: sending {} failed: {}", progress.id(), message.messageType(), sent.getException().getMessage());
            progress.fail(new Failure("node_unreachable",
                    "My Home cannot reach its IOTA node right now (" + sent.getException().getMessage() + "); try again in a minute."));
            return false;
        }
        LOG.debug("Pairing {}: sent {} to {}", progress.id(), message.messageType(), address);
        return true;
    }

    private void useContext(CamelContext context) {
        if (template == null) {
            synchronized (this) {
                if (template == null) {
                    template = context.createProducerTemplate();
                }
            }
        }
    }

    /** Keeps the last {@value #REMEMBERED} pairings: finished ones go first. */
    private void forgetOldest() {
        for (Iterator<PairingProgress> oldest = pairings.values().iterator(); pairings.size() > REMEMBERED && oldest.hasNext();) {
            if (!oldest.next().running()) {
                oldest.remove();
            }
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
