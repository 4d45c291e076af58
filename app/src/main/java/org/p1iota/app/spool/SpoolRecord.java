package org.p1iota.app.spool;

/**
 * One entry of the spool: its sequence number (dense, starting at 1, never reused) and its bytes.
 */
public record SpoolRecord(long sequence, byte[] payload) {
}
