package org.p1iota.app.consent.pairing;

/**
 * A pairing message could not be used and no reply is possible or due (a message for another
 * device, an answer to a claim this device never saw, a message out of turn). The caller drops it.
 */
public class PairingException extends Exception {

    public enum Reason { NOT_FOR_THIS_DEVICE, UNKNOWN_CLAIM, OUT_OF_TURN, ALREADY_FINISHED }

    private final Reason reason;

    public PairingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
