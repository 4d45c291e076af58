package org.p1iota.camel.p1.frame;

/** Why a frame did not become a telegram. */
public enum RejectReason {
    /** The stated CRC does not match the bytes. */
    CRC_MISMATCH,
    /** A DSMR 4+ telegram (it has a P1 version line) ended without a CRC. */
    MISSING_CRC,
    /** The characters after {@code !} are not a CRC followed by a line end. */
    MALFORMED_CRC,
    /** The frame was cut off: a new {@code /} arrived, or the input ended, before its end marker. */
    INCOMPLETE,
    /** The frame grew past the size bound before its end marker. */
    OVERSIZE,
    /** The frame is complete and its CRC fine, but its content is not a valid telegram. */
    UNPARSABLE,
    /** An encrypted (DLMS) frame could not be decrypted or authenticated. */
    DECRYPTION_FAILED
}
