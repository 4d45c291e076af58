package org.p1iota.app.consent.pairing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.message.ClaimResult.Rejection;
import org.p1iota.app.consent.secrets.PairingCode;

/**
 * The device's side of pairing (protocol version 2), one claim at a time:
 * CLAIM received → opened ({@link #openClaim}: one AES-GCM, no transaction) → CHALLENGE sent
 * ({@link #challenge}: the transaction, after the caller's rate limit) → ANSWER opened and checked
 * ({@link #onAnswer}) → RESULT sent. Every message is sealed under keys from this device's pairing
 * code ({@link PairingSeal}): a claim or answer that does not open is someone else's or forged and is
 * dropped without a reply. A claim is answered once: a replay of a claim id already handled, or a
 * claim older than a challenge lives or than this start of the device (the handled ids are kept in
 * memory only), is dropped too. What to send and where is returned as data.
 */
public final class DevicePairing {

    /** A reply to send to {@code sendTo} (My Home's inbox). */
    public record Reply<M>(String sendTo, M message) {
    }

    /** The result to send and, when it is OK, what the device now follows. */
    public record Verdict(String sendTo, ClaimResult result, Optional<PairedHome> pairedHome) {
    }

    /** Where a claim stands on the device, for status pages and logs. */
    public enum Stage { CHALLENGE_SENT, PAIRED, REFUSED }

    /** How far a claim's creation time may lie ahead of the device's clock. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final int REMEMBERED_OUTCOMES = 16;
    /** Only claims that opened are remembered, i.e. the household's own: a handful in any window. */
    private static final int REMEMBERED_CLAIMS = 256;

    private final String deviceAddress;
    private final PairingSeal seal;
    private final ChallengeBook challenges;
    private final Clock clock;
    private final SecureRandom random;
    /** Claims made before this start are not answered: the ids handled before a restart are not remembered. */
    private final Instant started;
    private final Map<String, Stage> outcomes = new LinkedHashMap<>();
    /** Claim ids handled, until their claim is stale anyway (then a replay is refused as stale). */
    private final Map<String, Instant> handledClaims = new LinkedHashMap<>();

    public DevicePairing(String deviceAddress, PairingCode code, ChallengeBook challenges, Clock clock, SecureRandom random) {
        this.deviceAddress = deviceAddress;
        this.seal = new PairingSeal(code, deviceAddress);
        this.challenges = challenges;
        this.clock = clock;
        this.random = random;
        this.started = clock.instant();
    }

    /**
     * CLAIM received: opens it with this device's code and checks that it is fresh and new. Costs one
     * AES-GCM and no transaction, so it runs before any rate limit.
     *
     * @throws PairingException NOT_OPENED, STALE_CLAIM or REPLAYED_CLAIM: drop it, no reply
     */
    public synchronized ClaimContent openClaim(ClaimDevice claim) throws PairingException {
        ClaimContent content = seal.open(claim).orElseThrow(() -> new PairingException(PairingException.Reason.NOT_OPENED,
                "a claim that does not open with this device's pairing code"));
        Instant now = clock.instant();
        handledClaims.values().removeIf(forgetAt -> forgetAt.isBefore(now));
        if (content.createdAt().isBefore(now.minus(challenges.validity())) || content.createdAt().isBefore(started)
                || content.createdAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new PairingException(PairingException.Reason.STALE_CLAIM, "claim " + content.claimId() + " made at "
                    + content.createdAt() + " is older than a challenge lives or than this start of the device,"
                    + " or ahead of its clock");
        }
        if (handledClaims.containsKey(content.claimId())) {
            throw new PairingException(PairingException.Reason.REPLAYED_CLAIM,
                    "claim " + content.claimId() + " was handled already: a replay");
        }
        handledClaims.put(content.claimId(), content.createdAt().plus(challenges.validity()).plus(CLOCK_SKEW));
        for (Iterator<String> oldest = handledClaims.keySet().iterator(); handledClaims.size() > REMEMBERED_CLAIMS;) {
            oldest.next();
            oldest.remove();
        }
        return content;
    }

    /** An opened claim the rate limit let through: issue a challenge for My Home. */
    public Reply<Challenge> challenge(ClaimContent claim) {
        PairingChallenge issued = challenges.issue(claim.claimId(), claim.replyTo());
        return new Reply<>(claim.replyTo(),
                seal.challenge(new ChallengeContent(claim.claimId(), issued.challenge(), issued.expiresAt()), random));
    }

    /** {@link #openClaim} then {@link #challenge}, for callers without a rate limit (tests, simulations). */
    public Reply<Challenge> onClaim(ClaimDevice claim) throws PairingException {
        return challenge(openClaim(claim));
    }

    /**
     * ANSWER received: open it, consume its claim's challenge, check the echo.
     *
     * @throws PairingException NOT_OPENED, or UNKNOWN_CLAIM (no open challenge: never issued, answered
     *                          already, e.g. a replay, or crowded out): drop it, no reply
     */
    public Verdict onAnswer(AnswerChallenge answer) throws PairingException {
        AnswerContent content = seal.open(answer).orElseThrow(() -> new PairingException(PairingException.Reason.NOT_OPENED,
                "an answer that does not open with this device's pairing code"));
        ChallengeBook.Consumed consumed = challenges.consume(content.claimId());
        if (consumed instanceof ChallengeBook.Consumed.Unknown) {
            throw new PairingException(PairingException.Reason.UNKNOWN_CLAIM, "no open challenge for claim "
                    + content.claimId() + ": never issued, already answered (a replay?), or dropped");
        }
        if (consumed instanceof ChallengeBook.Consumed.Expired expired) {
            return refuse(expired.challenge(), Rejection.CHALLENGE_EXPIRED);
        }
        PairingChallenge issued = ((ChallengeBook.Consumed.Valid) consumed).challenge();
        if (!java.security.MessageDigest.isEqual(issued.challenge().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                content.challenge().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return refuse(issued, Rejection.UNKNOWN_CHALLENGE);
        }
        remember(issued.claimId(), Stage.PAIRED);
        return new Verdict(issued.replyTo(), seal.result(ResultContent.ok(issued.claimId()), random),
                Optional.of(new PairedHome(issued.replyTo(), content.eventChannelRoot())));
    }

    /** The stage of a recent claim: open, or how it ended (the last few outcomes are remembered). */
    public synchronized Optional<Stage> stage(String claimId) {
        if (challenges.isOpen(claimId)) {
            return Optional.of(Stage.CHALLENGE_SENT);
        }
        return Optional.ofNullable(outcomes.get(claimId));
    }

    private synchronized void remember(String claimId, Stage stage) {
        outcomes.remove(claimId);
        outcomes.put(claimId, stage);
        for (Iterator<String> oldest = outcomes.keySet().iterator(); outcomes.size() > REMEMBERED_OUTCOMES;) {
            oldest.next();
            oldest.remove();
        }
    }

    private Verdict refuse(PairingChallenge issued, Rejection reason) {
        remember(issued.claimId(), Stage.REFUSED);
        return new Verdict(issued.replyTo(), seal.result(ResultContent.nok(issued.claimId(), reason), random), Optional.empty());
    }
}
