package org.p1iota.app.consent.message;

/**
 * A message could not be accepted. Thrown for anything that arrives from outside (an inbox is public:
 * anyone can send garbage to it), so the caller can drop it, log the reason and carry on.
 */
public class ProtocolException extends Exception {

    public enum Reason {
        OVERSIZE, MALFORMED_JSON, NOT_AN_OBJECT, MISSING_TYPE, UNKNOWN_TYPE, UNSUPPORTED_VERSION,
        MISSING_FIELD, UNKNOWN_FIELD, INVALID_FIELD, UNEXPECTED_TYPE
    }

    private final Reason reason;

    public ProtocolException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ProtocolException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
