package org.p1iota.app.consent.pairing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.Check;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.secrets.RandomIds;

/**
 * My Home's side of one pairing: CLAIM sent → CHALLENGE received, ANSWER sent → RESULT (paired or
 * failed). Each step checks that the message belongs to this session and comes in turn; the whole
 * session fails with {@link Failure#TIMED_OUT} when the device has not finished within the timeout
 * (tangle round trips take a while; the default allows several). Thread-safe.
 */
public final class MyHomePairingSession {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public enum State { CLAIM_SENT, ANSWER_SENT, PAIRED, FAILED }

    /** Why a pairing failed, in words a household can act on. */
    public enum Failure {
        WRONG_CODE("the device did not accept the pairing code: check the code printed on the device"),
        CHALLENGE_EXPIRED("the device's challenge expired before the answer reached it: try again"),
        UNKNOWN_CHALLENGE("the device no longer knew this pairing attempt: try again"),
        ROOT_UNREADABLE("the device could not read the sealed channel root: try again"),
        TIMED_OUT("the device did not answer in time: check that it is running and online");

        private final String explanation;

        Failure(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }

    private final String deviceAddress;
    private final PairingCode code;
    private final String myHomeInbox;
    private final String eventChannelRoot;
    private final Clock clock;
    private final SecureRandom random;
    private final ClaimDevice claim;
    private final Instant deadline;
    private State state = State.CLAIM_SENT;
    private Failure failure;

    private MyHomePairingSession(String deviceAddress, PairingCode code, String myHomeInbox, String eventChannelRoot,
            Clock clock, Duration timeout, SecureRandom random) {
        this.deviceAddress = Check.hash("device", deviceAddress);
        this.code = code;
        this.myHomeInbox = Check.hash("myHomeInbox", myHomeInbox);
        this.eventChannelRoot = Check.hash("eventChannelRoot", eventChannelRoot);
        this.clock = clock;
        this.random = random;
        this.claim = new ClaimDevice(RandomIds.of(random), deviceAddress, myHomeInbox);
        this.deadline = clock.instant().plus(timeout);
    }

    /** Starts a pairing; send {@link #claim()} to the device's address. */
    public static MyHomePairingSession start(String deviceAddress, PairingCode code, String myHomeInbox,
            String eventChannelRoot, Clock clock, Duration timeout, SecureRandom random) {
        return new MyHomePairingSession(deviceAddress, code, myHomeInbox, eventChannelRoot, clock, timeout, random);
    }

    public ClaimDevice claim() {
        return claim;
    }

    public String claimId() {
        return claim.claimId();
    }

    public String deviceAddress() {
        return deviceAddress;
    }

    /** CHALLENGE received: the answer to send to the device's address. */
    public synchronized AnswerChallenge onChallenge(Challenge challenge) throws PairingException {
        requireMine(challenge.claimId(), challenge.device());
        requireState(State.CLAIM_SENT);
        if (!clock.instant().isBefore(challenge.expiresAt())) {
            fail(Failure.CHALLENGE_EXPIRED);
            throw new PairingException(PairingException.Reason.ALREADY_FINISHED, "the challenge arrived expired");
        }
        String proof = PairingProof.compute(challenge.challenge(), deviceAddress, code);
        String sealedRoot = RootSealing.seal(eventChannelRoot, challenge.challenge(), deviceAddress, code, random);
        state = State.ANSWER_SENT;
        return new AnswerChallenge(claim.claimId(), deviceAddress, challenge.challenge(), proof, sealedRoot);
    }

    /** CLAIM_RESULT received: the session ends, paired or failed. */
    public synchronized State onResult(ClaimResult result) throws PairingException {
        requireMine(result.claimId(), result.device());
        requireState(State.ANSWER_SENT);
        if (result.isOk()) {
            state = State.PAIRED;
        } else {
            fail(switch (result.reason()) {
                case WRONG_PROOF -> Failure.WRONG_CODE;
                case CHALLENGE_EXPIRED -> Failure.CHALLENGE_EXPIRED;
                case UNKNOWN_CHALLENGE -> Failure.UNKNOWN_CHALLENGE;
                case UNREADABLE_ROOT -> Failure.ROOT_UNREADABLE;
            });
        }
        return state;
    }

    /** The current state, failing the session first if its deadline has passed. */
    public synchronized State state() {
        timedOut();
        return state;
    }

    public synchronized Optional<Failure> failure() {
        timedOut();
        return Optional.ofNullable(failure);
    }

    public Instant deadline() {
        return deadline;
    }

    private boolean timedOut() {
        if ((state == State.CLAIM_SENT || state == State.ANSWER_SENT) && !clock.instant().isBefore(deadline)) {
            fail(Failure.TIMED_OUT);
        }
        return state == State.FAILED && failure == Failure.TIMED_OUT;
    }

    private void fail(Failure why) {
        state = State.FAILED;
        failure = why;
    }

    private void requireMine(String claimId, String device) throws PairingException {
        if (!claim.claimId().equals(claimId) || !deviceAddress.equals(device)) {
            throw new PairingException(PairingException.Reason.UNKNOWN_CLAIM,
                    "message for claim " + claimId + " of device " + device + " does not belong to this pairing");
        }
    }

    private void requireState(State expected) throws PairingException {
        timedOut();
        if (state != expected) {
            throw new PairingException(state == State.PAIRED || state == State.FAILED
                    ? PairingException.Reason.ALREADY_FINISHED : PairingException.Reason.OUT_OF_TURN,
                    "pairing is " + state + ", expected " + expected);
        }
    }
}
