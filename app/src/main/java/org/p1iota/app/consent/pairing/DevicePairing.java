package org.p1iota.app.consent.pairing;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.consent.message.AnswerChallenge;
import org.p1iota.app.consent.message.Challenge;
import org.p1iota.app.consent.message.ClaimDevice;
import org.p1iota.app.consent.message.ClaimResult;
import org.p1iota.app.consent.message.ClaimResult.Rejection;

/**
 * The device's side of pairing, one claim at a time through these states:
 * CLAIM received ({@link #onClaim}) → CHALLENGE sent (open in the {@link ChallengeBook}) → ANSWER
 * verified ({@link #onAnswer}) → RESULT sent. The proof is checked in constant time before the
 * sealed root is touched; a wrong code, an expired or reused challenge each yield a NOK result and
 * change nothing. What to send and where is returned as data; the route sends it.
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

    private static final int REMEMBERED_OUTCOMES = 16;

    private final String deviceAddress;
    private final PairingCode code;
    private final ChallengeBook challenges;
    private final Map<String, Stage> outcomes = new LinkedHashMap<>();

    public DevicePairing(String deviceAddress, PairingCode code, ChallengeBook challenges) {
        this.deviceAddress = deviceAddress;
        this.code = code;
        this.challenges = challenges;
    }

    /** CLAIM received: issue a challenge for My Home. */
    public Reply<Challenge> onClaim(ClaimDevice claim) throws PairingException {
        requireThisDevice(claim.device());
        PairingChallenge issued = challenges.issue(claim.claimId(), claim.replyTo());
        return new Reply<>(claim.replyTo(),
                new Challenge(claim.claimId(), deviceAddress, issued.challenge(), issued.expiresAt()));
    }

    /** ANSWER received: consume the challenge, verify the proof, open the root. */
    public Verdict onAnswer(AnswerChallenge answer) throws PairingException {
        requireThisDevice(answer.device());
        ChallengeBook.Consumed consumed = challenges.consume(answer.claimId());
        if (consumed instanceof ChallengeBook.Consumed.Unknown) {
            throw new PairingException(PairingException.Reason.UNKNOWN_CLAIM,
                    "no open challenge for claim " + answer.claimId() + ": never issued, already answered, or dropped");
        }
        if (consumed instanceof ChallengeBook.Consumed.Expired expired) {
            return refuse(expired.challenge(), answer, Rejection.CHALLENGE_EXPIRED);
        }
        PairingChallenge issued = ((ChallengeBook.Consumed.Valid) consumed).challenge();
        if (!issued.challenge().equals(answer.challenge())) {
            return refuse(issued, answer, Rejection.UNKNOWN_CHALLENGE);
        }
        if (!PairingProof.verify(answer.proof(), issued.challenge(), deviceAddress, code)) {
            return refuse(issued, answer, Rejection.WRONG_PROOF);
        }
        try {
            String root = RootSealing.open(answer.sealedRoot(), issued.challenge(), deviceAddress, code);
            remember(answer.claimId(), Stage.PAIRED);
            return new Verdict(issued.replyTo(), ClaimResult.ok(answer.claimId(), deviceAddress),
                    Optional.of(new PairedHome(issued.replyTo(), root)));
        } catch (RootSealing.UnreadableRootException e) {
            return refuse(issued, answer, Rejection.UNREADABLE_ROOT);
        }
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

    private Verdict refuse(PairingChallenge issued, AnswerChallenge answer, Rejection reason) {
        remember(answer.claimId(), Stage.REFUSED);
        return new Verdict(issued.replyTo(), ClaimResult.nok(answer.claimId(), deviceAddress, reason), Optional.empty());
    }

    private void requireThisDevice(String device) throws PairingException {
        if (!deviceAddress.equals(device)) {
            throw new PairingException(PairingException.Reason.NOT_FOR_THIS_DEVICE,
                    "message names device " + device + ", this device is " + deviceAddress);
        }
    }
}
