package org.p1iota.camel.p1.parse;

import java.util.Arrays;

/**
 * Which lines of the current telegram are the first with their OBIS code (packed as a long): a
 * repeated code is typed once. A small open-addressing set, cleared per telegram without allocating;
 * a code's first slot ({@link #slot}) is a function of the code alone, so callers that see the same
 * code again keep it and skip the hashing.
 * <p>
 * A meter sends the same codes in the same order every time, so the set is only filled when needed:
 * while every line so far has the code that the previous telegram had on the line of that number, and
 * those codes were distinct there, they are distinct here too. Only at the first line that breaks this
 * are the codes so far added to the set, and from there on every code is looked up.
 */
final class SeenCodes {

    private static final int CAPACITY = 256; // a telegram has well under 128 distinct codes
    private final long[] keys = new long[CAPACITY];
    private final int[] stamps = new int[CAPACITY];
    private int stamp = 1;
    private int size;

    /** This telegram's codes by line number. */
    private long[] lineCodes = new long[64];
    /** The previous telegram's codes by line number. */
    private long[] previousCodes = new long[64];
    /** How many first lines of the previous telegram had distinct codes; 0 when unknown. */
    private int previousDistinct;
    /** Every line so far had the previous telegram's code of its number, within {@link #previousDistinct}. */
    private boolean asBefore;
    /** The first line whose code repeated an earlier line's; -1 for none yet. */
    private int firstRepeat;

    /** Starts a telegram. */
    void clear() {
        size = 0;
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(stamps, 0);
            stamp = 1;
        }
        asBefore = true;
        firstRepeat = -1;
    }

    /** Ends a telegram that was read to its end, with {@code lineCount} lines, each given to {@link #first}. */
    void finish(int lineCount) {
        long[] swap = previousCodes;
        previousCodes = lineCodes;
        lineCodes = swap;
        previousDistinct = firstRepeat < 0 ? lineCount : firstRepeat;
    }

    /** Ends a telegram given up halfway: its lines tell nothing about the next telegram's. */
    void abandon() {
        previousDistinct = 0;
    }

    /** Where the key's probe starts. */
    static int slot(long key) {
        return (int) (key ^ key >>> 17 ^ key >>> 31) * 0x9E3779B1 >>> 24;
    }

    /**
     * Whether line {@code line} (lines are given in order, each once) is the first of this telegram
     * with code {@code key} (or the set is full: then every code counts as new).
     *
     * @param slot the key's {@link #slot}, or -1 to have it computed when needed
     */
    boolean first(int line, long key, int slot) {
        if (line == lineCodes.length) {
            lineCodes = Arrays.copyOf(lineCodes, 2 * line);
        }
        lineCodes[line] = key;
        if (asBefore) {
            if (line < previousDistinct && previousCodes[line] == key) {
                return true;
            }
            asBefore = false;
            for (int i = 0; i < line; i++) {
                add(lineCodes[i], slot(lineCodes[i]));
            }
        }
        if (add(key, slot < 0 ? slot(key) : slot)) {
            return true;
        }
        if (firstRepeat < 0) {
            firstRepeat = line;
        }
        return false;
    }

    /** Adds the key; false when it was already there (or the set is full: then every key counts as new). */
    private boolean add(long key, int slot) {
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
