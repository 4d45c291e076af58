package org.p1iota.app.consent.message;

/**
 * Device to My Home: the end of a pairing. Sealed content: claim id, {@link Outcome} and, exactly when
 * NOK, a {@link Rejection} ({@code ResultContent}). Version 2: see {@link SealedPairingMessage}.
 */
public record ClaimResult(String sealed) implements SealedPairingMessage {

    public enum Outcome { OK, NOK }

    /** Why a device refused a claim. None of them changes anything on the device. */
    public enum Rejection {
        /** Version 1 only: an answer that does not prove the code does not open in version 2 and gets no reply. */
        WRONG_PROOF,
        /** The challenge was answered after it expired. */
        CHALLENGE_EXPIRED,
        /** The answer echoed another challenge than the one issued for its claim. */
        UNKNOWN_CHALLENGE,
        /** Version 1 only: the root travels inside the sealed answer in version 2. */
        UNREADABLE_ROOT
    }

    public ClaimResult {
        Check.base64url("sealed", sealed, MAX_SEALED);
    }

    @Override
    public MessageType messageType() {
        return MessageType.CLAIM_RESULT;
    }
}
