package org.p1iota.camel.iota;

/** How an exchange body maps to the trytes of a tangle message. */
public enum MessageFormat {
    /**
     * Text or bytes, two trytes per byte (the reference clients' asciiToTrytes for ASCII); objects
     * other than text and bytes are sent as JSON. Received messages are text.
     */
    TEXT,
    /** The body already is trytes, sent and received unchanged. */
    TRYTES
}
