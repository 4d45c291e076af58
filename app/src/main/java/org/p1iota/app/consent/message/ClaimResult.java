package org.p1iota.app.consent.message;

/**
 * Device to My Home: the end of a pairing. {@code reason} is present exactly when the result is NOK.
 */
public record ClaimResult(String claimId, String device, Outcome result, @OptionalField Rejection reason)
        implements InboxMessage {

    public enum Outcome { OK, NOK }

    /** Why a device refused a claim. None of them changes anything on the device. */
    public enum Rejection {
        /** The proof does not match the pairing code: wrong code typed, or a guess. */
        WRONG_PROOF,
        /** The challenge was answered after it expired. */
        CHALLENGE_EXPIRED,
        /** No open challenge for this claim: never issued, already used, or dropped. */
        UNKNOWN_CHALLENGE,
        /** The proof was right but the sealed root could not be opened: corrupted or tampered with. */
        UNREADABLE_ROOT
    }

    public ClaimResult {
        Check.id("claimId", claimId);
        Check.hash("device", device);
        Check.present("result", result);
        if (result == Outcome.OK && reason != null) {
            throw new IllegalArgumentException("reason must be absent when result is OK");
        }
        if (result == Outcome.NOK && reason == null) {
            throw new IllegalArgumentException("reason is missing: a NOK result says why");
        }
    }

    public static ClaimResult ok(String claimId, String device) {
        return new ClaimResult(claimId, device, Outcome.OK, null);
    }

    public static ClaimResult nok(String claimId, String device, Rejection reason) {
        return new ClaimResult(claimId, device, Outcome.NOK, reason);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOk() {
        return result == Outcome.OK;
    }

    @Override
    public MessageType messageType() {
        return MessageType.CLAIM_RESULT;
    }
}
