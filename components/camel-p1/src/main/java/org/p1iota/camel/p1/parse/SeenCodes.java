package org.p1iota.camel.p1.parse;

import java.util.Arrays;

/**
 * The OBIS codes (packed as longs) already typed in the current telegram: a small open-addressing
 * set, cleared per telegram without allocating. A code's first slot ({@link #slot}) is a function of
 * the code alone, so callers that see the same code again keep it and skip the hashing.
 */
final class SeenCodes {

    private static final int CAPACITY = 256; // a telegram has well under 128 distinct codes
    private final long[] keys = new long[CAPACITY];
    private final int[] stamps = new int[CAPACITY];
    private int stamp = 1;
    private int size;

    void clear() {
        size = 0;
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
    }

    /** Where the key's probe starts. */
    static int slot(long key) {
        return (int) (key ^ key >>> 17 ^ key >>> 31) * 0x9E3779B1 >>> 24;
    }

    /** Adds the key; false when it was already there (or the set is full: then every key counts as new). */
    boolean add(long key) {
        return add(key, slot(key));
    }

    /** {@link #add(long)} with the key's {@link #slot}. */
    boolean add(long key, int slot) {
        if (size >= CAPACITY / 2) {
            return true;
        }
        int at = slot;
        while (stamps[at] == stamp) {
            if (keys[at] == key) {
                return false;
            }
            at = (at + 1) & (CAPACITY - 1);
        }
        stamps[at] = stamp;
        keys[at] = key;
        size++;
        return true;
    }
}
