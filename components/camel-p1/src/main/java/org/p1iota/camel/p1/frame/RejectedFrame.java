package org.p1iota.camel.p1.frame;

/**
 * Bytes that looked like (part of) a telegram but were not accepted, with the reason.
 *
 * @param reason what was wrong
 * @param detail a sentence for a human (e.g. which CRC was stated and which computed)
 * @param offset byte offset in the input stream where the frame started
 * @param raw    the bytes of the frame as far as they were read (bounded by the framer's size limit)
 */
public record RejectedFrame(RejectReason reason, String detail, long offset, byte[] raw) {

    /** One line for logs and stderr: reason, offset and detail. */
    public String describe() {
        return reason + " at byte " + offset + ": " + detail;
    }
}
