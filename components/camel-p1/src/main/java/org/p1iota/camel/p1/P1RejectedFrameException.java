package org.p1iota.camel.p1;

import org.p1iota.camel.p1.frame.RejectReason;
import org.p1iota.camel.p1.frame.RejectedFrame;

/**
 * A frame from the meter that did not become a telegram: bad CRC, cut off, too large, unparsable or
 * undecryptable. The p1 consumer hands it to Camel's error handling (never as a normal message), so a
 * route can {@code onException(P1RejectedFrameException.class)} and inspect {@link #reason()},
 * {@link #offset()} and {@link #raw()}.
 */
public class P1RejectedFrameException extends Exception {

    private final transient RejectedFrame frame;

    public P1RejectedFrameException(RejectedFrame frame) {
        // bad input, not a bug: the reason, offset and bytes say everything; a stack trace would not
        super(frame.describe(), null, false, false);
        this.frame = frame;
    }

    public RejectReason reason() {
        return frame.reason();
    }

    /** Byte offset of the frame in the stream (since the connection was opened). */
    public long offset() {
        return frame.offset();
    }

    /** The frame's bytes as far as they were read. */
    public byte[] raw() {
        return frame.raw().clone();
    }

    public RejectedFrame frame() {
        return frame;
    }
}
