package org.p1iota.app.spool;

import java.util.Arrays;

/**
 * When records were appended, kept in memory so that the spool can say how long its oldest record has waited
 * (health, publish latency): a (sequence, time) mark at most once per spacing (a second at first). When
 * {@link #CAPACITY} marks are held the spacing doubles and the marks are thinned to it, so they stay evenly
 * spread over the backlog (4,096 marks: 32 s apart after a day without a node). The time of a record is that
 * of the last mark at or before it: never later than the truth, and earlier by at most the spacing.
 */
final class AppendTimes {

    static final int CAPACITY = 4096;
    private static final long FIRST_SPACING_MILLIS = 1000;

    private long spacing = FIRST_SPACING_MILLIS;

    private long[] sequences = new long[64];
    private long[] times = new long[64];
    private int size;

    /** Marks {@code sequence} as appended at {@code millis}, unless the last mark is less than a second old. */
    void appended(long sequence, long millis) {
        if (size > 0 && millis - times[size - 1] < spacing) {
            return;
        }
        if (size == CAPACITY) {
            thin();
        }
        if (size == sequences.length) {
            sequences = Arrays.copyOf(sequences, Math.min(CAPACITY, size * 2));
            times = Arrays.copyOf(times, sequences.length);
        }
        sequences[size] = sequence;
        times[size] = millis;
        size++;
    }

    /** The append time of {@code sequence} (the last mark at or before it), or -1 when none is known. */
    long timeOf(long sequence) {
        int index = floor(sequence);
        return index < 0 ? -1 : times[index];
    }

    /** Forgets the marks that no record from {@code firstPending} on needs. */
    void acknowledged(long firstPending) {
        int keep = floor(firstPending);
        if (keep > 0) {
            System.arraycopy(sequences, keep, sequences, 0, size - keep);
            System.arraycopy(times, keep, times, 0, size - keep);
            size -= keep;
        }
        if (size <= 1) {
            spacing = FIRST_SPACING_MILLIS; // the backlog is gone: fine-grained again
        }
    }

    private int floor(long sequence) {
        int index = Arrays.binarySearch(sequences, 0, size, sequence);
        return index >= 0 ? index : -index - 2;
    }

    /** Doubles the spacing and keeps the first mark (the oldest record's) and those at least that far apart. */
    private void thin() {
        do {
            spacing *= 2;
            int kept = 1;
            for (int i = 1; i < size; i++) {
                if (times[i] - times[kept - 1] >= spacing) {
                    sequences[kept] = sequences[i];
                    times[kept] = times[i];
                    kept++;
                }
            }
            size = kept;
        } while (size == CAPACITY);
    }
}
