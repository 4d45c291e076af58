package org.p1iota.app.consent.pairing;

/**
 * A pairing message could not be used and no reply is possible or due (a box that does not open with
 * this device's code, a stale or replayed claim, an answer to a claim this device has no challenge
 * for, a message out of turn). The caller drops it and counts it; it never ends a pairing.
 */
public class PairingException extends Exception {

    public enum Reason {
        /** Does not open under this device's (or this session's) key: someone else's, forged or altered. */
        NOT_OPENED,
        /** A claim older than a challenge lives, or dated too far in the future. */
        STALE_CLAIM,
        /** A claim whose id this device has already handled. */
        REPLAYED_CLAIM,
        UNKNOWN_CLAIM, OUT_OF_TURN, ALREADY_FINISHED
    }

    private final Reason reason;

    public PairingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
