package org.p1iota.camel.p1.parse;

import java.util.Arrays;

/**
 * The OBIS codes (packed as longs) already typed in the current telegram: a small open-addressing
 * set, cleared per telegram without allocating.
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

    /** Adds the key; false when it was already there (or the set is full: then every key counts as new). */
    boolean add(long key) {
        if (size >= CAPACITY / 2) {
            return true;
        }
        int slot = (int) (key ^ key >>> 17 ^ key >>> 31) * 0x9E3779B1 >>> 24;
        while (stamps[slot] == stamp) {
            if (keys[slot] == key) {
                return false;
            }
            slot = (slot + 1) & (CAPACITY - 1);
        }
        stamps[slot] = stamp;
        keys[slot] = key;
        size++;
        return true;
    }
}
