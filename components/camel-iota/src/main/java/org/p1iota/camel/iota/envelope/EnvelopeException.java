package org.p1iota.iota.envelope;

/**
 * An envelope or key that cannot be used, with the {@link Reason} a caller can act on.
 * <p>
 * Checked on purpose: envelopes arrive from the public tangle, so every failure to read one is an
 * expected outcome the receiving route must handle, never a crash. Messages never contain secret
 * material.
 */
public final class EnvelopeException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an envelope or key was refused. */
    public enum Reason {
        /** Not an envelope: wrong length, characters that are not trytes, inconsistent header. */
        MALFORMED,
        /** The format version is not one this code reads (written by a newer release?). */
        UNSUPPORTED_VERSION,
        /** The scheme byte names no scheme this code knows. */
        UNKNOWN_SCHEME,
        /** The envelope was sealed with a different scheme than the key pair offered to open it. */
        SCHEME_MISMATCH,
        /** The envelope was altered, or sealed for another recipient's key: the two look the same. */
        AUTHENTICATION_FAILED,
        /** A public key encoding, or a seed or index to derive keys from, is not valid. */
        BAD_KEY,
        /** The plaintext is larger than an envelope may carry. */
        TOO_LARGE
    }

    private final Reason reason;

    public EnvelopeException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public EnvelopeException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
