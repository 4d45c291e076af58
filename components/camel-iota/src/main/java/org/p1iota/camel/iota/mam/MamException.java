package org.p1iota.iota.mam;

/**
 * A MAM payload, channel state or channel file was refused. Checked, so that callers decide: a reader
 * skips a bad payload, a writer stops before it signs. {@link #reason()} says which rule was broken.
 */
public class MamException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong; parsers use the first five. */
    public enum Reason {
        /** Not made of the tryte alphabet {@code 9A-Z}, or empty where something is required. */
        INVALID_TRYTES,
        /** A pascal-encoded length field never ends inside the payload. */
        PASCAL_UNTERMINATED,
        /** A length or position points past the end of the payload. */
        OUT_OF_BOUNDS,
        /** The hmac after the nonce has no valid security level (checksum security 0): wrong key or root, or damage. */
        INVALID_HASH_SECURITY,
        /** The signature and Merkle path do not lead to the expected root. */
        INVALID_SIGNATURE,
        /** A channel setting is not allowed (count not a power of two, count != nextCount, security, seed...). */
        INVALID_CHANNEL,
        /** The message is longer than both reference implementations can exchange. */
        MESSAGE_TOO_LONG,
        /** A message is already created and waiting for confirmation, and a different one was asked for. */
        PENDING_MESSAGE_DIFFERS,
        /** Nothing is pending, so there is nothing to confirm. */
        NOTHING_PENDING,
        /** The channel file could not be read, written or locked, or its content is not a valid channel. */
        STORE_FAILED
    }

    private final Reason reason;

    public MamException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MamException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
