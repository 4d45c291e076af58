package org.p1iota.iota.mam;

/**
 * A verified MAM message: its trytes and the root of the channel's next message (where a reader goes next).
 */
public record MamMessage(String message, String nextRoot) {
}
