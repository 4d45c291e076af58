package org.p1iota.camel.p1.parse;

import java.time.OffsetDateTime;

import org.p1iota.camel.p1.frame.ByteScan;

/**
 * The timestamps of recent telegrams by their exact bytes. Most timestamps in a telegram repeat the
 * previous telegram's: the power failure log's entries for months, the gas meter's reading time for
 * five minutes (DSMR 5) or an hour (DSMR 4), the Belgian monthly peaks for a month; only the
 * telegram's own time is new every second. A repeated timestamp then costs two word compares instead
 * of three new {@code java.time} objects. Keyed by all of the bytes, so the result is always what
 * {@link ValueReader#timestamp} gives for them; values it rejects are not kept. Sixteen direct-mapped
 * slots; not thread-safe, one per parser.
 */
final class Timestamps {

    private static final int SLOTS = 16;

    private final MeterDates dates = new MeterDates();
    private final long[] heads = new long[SLOTS];
    private final long[] tails = new long[SLOTS];
    /** The length of the timestamp in the slot (12 or 13); 0 for an empty slot. */
    private final int[] lengths = new int[SLOTS];
    /** Null for a placeholder date, which means "no value". */
    private final OffsetDateTime[] values = new OffsetDateTime[SLOTS];

    /** {@link ValueReader#timestamp}, from the cache when these bytes were read recently. */
    OffsetDateTime read(byte[] b, int start, int end) throws FieldProblem {
        int length = end - start;
        if (length != 12 && length != 13) {
            return ValueReader.timestamp(b, start, end, dates); // throws: not a timestamp
        }
        // two overlapping words hold all twelve or thirteen bytes
        long head = ByteScan.word(b, start);
        long tail = ByteScan.word(b, end - 8);
        int slot = (int) ((head ^ Long.rotateLeft(tail, 29)) * 0x9E3779B97F4A7C15L >>> 60);
        if (lengths[slot] == length && heads[slot] == head && tails[slot] == tail) {
            return values[slot];
        }
        OffsetDateTime value = ValueReader.timestamp(b, start, end, dates);
        heads[slot] = head;
        tails[slot] = tail;
        lengths[slot] = length;
        values[slot] = value;
        return value;
    }
}
