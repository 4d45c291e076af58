package org.p1iota.iota.mam;

/**
 * One payload ready to attach: attach {@code payload} to {@code address}; readers find the message
 * from {@code root} and go on to {@code nextRoot}. {@code keyIndex} is the one-time key that signed it.
 */
public record CreatedMessage(String message, String root, String address, String nextRoot, String payload,
        long keyIndex) {
}
