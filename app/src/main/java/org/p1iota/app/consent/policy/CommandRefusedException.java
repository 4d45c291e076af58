package org.p1iota.app.consent.policy;

/** A My Home command would not make sense in the current state; nothing was written. */
public class CommandRefusedException extends Exception {

    public enum Reason {
        UNKNOWN_DEVICE, DEVICE_ALREADY_PAIRED, DEVICE_DELETED, UNKNOWN_POLICY, ALREADY_REVOKED, ALREADY_GRANTED,
        INVALID_INPUT
    }

    private final Reason reason;

    public CommandRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
