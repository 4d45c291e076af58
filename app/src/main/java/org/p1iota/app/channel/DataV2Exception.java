package org.p1iota.app.channel;

/**
 * A DATA v2 message that cannot be read, with the {@link Reason}. Checked on purpose: the data channel
 * is read from the public tangle, so a reader must decide what to do with every refused message (the
 * provider logs it and reads on; nothing else is lost).
 */
public final class DataV2Exception extends Exception {

    public enum Reason {
        /** Not the DATA v2 tryte form at all (no prefix, or not trytes). */
        NOT_DATA_V2,
        /** The tryte length or a chunk does not decode to bytes, or a header field is out of range. */
        MALFORMED,
        /** The compressed stream ends before its end marker: a cut message. */
        TRUNCATED,
        /** The compressed stream, its checksum, its dictionary or its framing is wrong. */
        CORRUPT,
        /** The telegrams would inflate beyond what the protocol allows (a decompression bomb). */
        OVERSIZE,
        /** A telegram's bytes do not parse with the p1 parser or its CRC does not match. */
        BAD_TELEGRAM
    }

    private final Reason reason;

    public DataV2Exception(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public DataV2Exception(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason + ": " + super.getMessage();
    }
}
