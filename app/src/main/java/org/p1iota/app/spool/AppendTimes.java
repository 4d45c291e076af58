package org.p1iota.app.spool;

import java.util.Arrays;

/**
 * When records were appended, kept in memory so that the spool can say how long its oldest record has waited
 * (health, publish latency): a (sequence, time) mark at most once a second, so a day without a node costs
 * 86,400 marks at most, and when {@link #CAPACITY} marks are held every other one is dropped (coarser, never
 * wrong by more than the gap). The time of a record is that of the last mark at or before it: never later
 * than the truth, so an age is never understated by more than the spacing of the marks.
 */
final class AppendTimes {

    static final int CAPACITY = 4096;
    private static final long SPACING_MILLIS = 1000;

    private long[] sequences = new long[64];
    private long[] times = new long[64];
    private int size;

    /** Marks {@code sequence} as appended at {@code millis}, unless the last mark is less than a second old. */
    void appended(long sequence, long millis) {
        if (size > 0 && millis - times[size - 1] < SPACING_MILLIS) {
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
    }

    private int floor(long sequence) {
        int index = Arrays.binarySearch(sequences, 0, size, sequence);
        return index >= 0 ? index : -index - 2;
    }

    /** Keeps the first mark (the oldest record's) and every other one after it. */
    private void thin() {
        int kept = 1;
        for (int i = 2; i < size; i += 2) {
            sequences[kept] = sequences[i];
            times[kept] = times[i];
            kept++;
        }
        size = kept;
    }
}
