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
import org.p1iota.app.consent.secrets.PairingCode;
import org.p1iota.app.consent.secrets.RandomIds;

/**
 * My Home's side of one pairing (protocol version 2): CLAIM sent → CHALLENGE received, ANSWER sent →
 * RESULT (paired or failed). Every message is sealed under keys from the typed pairing code and the
 * device's address ({@link PairingSeal}); a CHALLENGE or RESULT belongs to this session only when it
 * opens under its keys and names its claim id ({@link #open(Challenge)}, {@link #open(ClaimResult)}).
 * Nothing else touches the session: forgeries, other sessions' messages and replays are ignored, a
 * duplicate of a message already handled changes nothing, only a genuine NOK fails it. The device
 * stays silent to a claim it cannot open (a wrong code looks like any forgery to it), so a session
 * without a challenge after {@code challengeWait} fails with {@link Failure#NO_CHALLENGE}; without a
 * result after {@code timeout}, with {@link Failure#TIMED_OUT}. Thread-safe.
 */
public final class MyHomePairingSession {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public enum State { CLAIM_SENT, ANSWER_SENT, PAIRED, FAILED }

    /** Why a pairing failed, in words a household can act on. */
    public enum Failure {
        /** Version 1 only: a version-2 device cannot tell a wrong code from a forgery and stays silent (NO_CHALLENGE). */
        WRONG_CODE("the device did not accept the pairing code: check the code printed on the device"),
        NO_CHALLENGE("the device did not answer the claim: a device ignores a claim made with another pairing code,"
                + " so check the code printed on the device, and that the device is running and online"),
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
    private final PairingSeal seal;
    private final String eventChannelRoot;
    private final Clock clock;
    private final SecureRandom random;
    private final String claimId;
    private final ClaimDevice claim;
    private final Instant challengeDeadline;
    private final Instant deadline;
    private State state = State.CLAIM_SENT;
    private String answeredChallenge;
    private Failure failure;

    private MyHomePairingSession(String deviceAddress, PairingCode code, String myHomeInbox, String eventChannelRoot,
            Clock clock, Duration challengeWait, Duration timeout, SecureRandom random) {
        this.deviceAddress = Check.hash("device", deviceAddress);
        this.seal = new PairingSeal(code, deviceAddress);
        this.eventChannelRoot = Check.hash("eventChannelRoot", eventChannelRoot);
        this.clock = clock;
        this.random = random;
        this.claimId = RandomIds.of(random);
        Instant now = clock.instant();
        this.claim = seal.claim(new ClaimContent(claimId, Check.hash("myHomeInbox", myHomeInbox), now), random);
        this.deadline = now.plus(timeout);
        this.challengeDeadline = now.plus(challengeWait.compareTo(timeout) < 0 ? challengeWait : timeout);
    }

    /** Starts a pairing; send {@link #claim()} to the device's address. */
    public static MyHomePairingSession start(String deviceAddress, PairingCode code, String myHomeInbox,
            String eventChannelRoot, Clock clock, Duration timeout, SecureRandom random) {
        return start(deviceAddress, code, myHomeInbox, eventChannelRoot, clock, timeout, timeout, random);
    }

    /** As above, failing with {@link Failure#NO_CHALLENGE} when no challenge came within {@code challengeWait}. */
    public static MyHomePairingSession start(String deviceAddress, PairingCode code, String myHomeInbox,
            String eventChannelRoot, Clock clock, Duration challengeWait, Duration timeout, SecureRandom random) {
        return new MyHomePairingSession(deviceAddress, code, myHomeInbox, eventChannelRoot, clock, challengeWait, timeout,
                random);
    }

    public ClaimDevice claim() {
        return claim;
    }

    public String claimId() {
        return claimId;
    }

    public String deviceAddress() {
        return deviceAddress;
    }

    /** The challenge's content when the CHALLENGE is this session's: it opens under its key and names its claim. */
    public Optional<ChallengeContent> open(Challenge challenge) {
        return seal.open(challenge).filter(c -> c.claimId().equals(claimId));
    }

    /** The result's content when the CLAIM_RESULT is this session's. */
    public Optional<ResultContent> open(ClaimResult result) {
        return seal.open(result).filter(r -> r.claimId().equals(claimId));
    }

    /**
     * This session's CHALLENGE (from {@link #open(Challenge)}): the answer to send to the device's address.
     *
     * @throws PairingException OUT_OF_TURN for a duplicate (answered already), ALREADY_FINISHED when the
     *                          session ended or the challenge arrived expired (which fails it)
     */
    public synchronized AnswerChallenge onChallenge(ChallengeContent challenge) throws PairingException {
        requireState(State.CLAIM_SENT);
        if (!clock.instant().isBefore(challenge.expiresAt())) {
            fail(Failure.CHALLENGE_EXPIRED);
            throw new PairingException(PairingException.Reason.ALREADY_FINISHED, "the challenge arrived expired");
        }
        state = State.ANSWER_SENT;
        answeredChallenge = challenge.challenge();
        return seal.answer(new AnswerContent(claimId, challenge.challenge(), eventChannelRoot), random);
    }

    /** {@link #open(Challenge)} then {@link #onChallenge(ChallengeContent)}; NOT_OPENED when it is not this session's. */
    public AnswerChallenge onChallenge(Challenge challenge) throws PairingException {
        return onChallenge(open(challenge).orElseThrow(() -> notOurs(challenge)));
    }

    /** {@link #open(ClaimResult)} then {@link #onResult(ResultContent)}; NOT_OPENED when it is not this session's. */
    public State onResult(ClaimResult result) throws PairingException {
        return onResult(open(result).orElseThrow(() -> notOurs(result)));
    }

    private static PairingException notOurs(Object message) {
        return new PairingException(PairingException.Reason.NOT_OPENED,
                "a " + message.getClass().getSimpleName() + " that does not open under this pairing's key or names another claim");
    }

    /** This session's CLAIM_RESULT (from {@link #open(ClaimResult)}): the session ends, paired or failed. */
    public synchronized State onResult(ResultContent result) throws PairingException {
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

    /** The challenge this session answered, if it did. */
    public synchronized Optional<String> answeredChallenge() {
        return Optional.ofNullable(answeredChallenge);
    }

    /** The current state, failing the session first if a deadline has passed. */
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

    private void timedOut() {
        Instant now = clock.instant();
        if (state == State.CLAIM_SENT && !now.isBefore(challengeDeadline)) {
            fail(Failure.NO_CHALLENGE);
        } else if (state == State.ANSWER_SENT && !now.isBefore(deadline)) {
            fail(Failure.TIMED_OUT);
        }
    }

    private void fail(Failure why) {
        state = State.FAILED;
        failure = why;
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
