package org.p1iota.camel.p1.parse;

import java.util.Arrays;

import org.p1iota.camel.p1.frame.ByteScan;

/**
 * The OBIS codes of the previous telegram, by line number. A meter sends the same lines in the same
 * order every time, so the parser first checks whether line {@code n} starts with the code line
 * {@code n} had last time and only parses the code digit by digit when not.
 * <p>
 * The check compares the code and its {@code (} as two masked longs: no loop and no branch that
 * depends on the code's length, which matters because consecutive lines have codes of different
 * lengths (a length-dependent loop mispredicts on nearly every line).
 */
final class LineTemplates {

    private static final int LINES = 128;
    /** Code plus {@code (} up to this length is compared as two longs; longer codes byte-wise. */
    private static final int WORD_PAIR = 16;

    private final byte[][] codes = new byte[LINES][];
    private final long[] firstWords = new long[LINES];
    private final long[] secondWords = new long[LINES];
    private final long[] firstMasks = new long[LINES];
    private final long[] secondMasks = new long[LINES];
    private final long[] keys = new long[LINES];
    private final int[] fields = new int[LINES];
    private final String[] normalised = new String[LINES];

    /** The length of the remembered code when {@code b} at {@code pos} repeats it followed by {@code (}; else 0. */
    int match(int line, byte[] b, int pos, int end) {
        if (line >= LINES) {
            return 0;
        }
        byte[] code = codes[line];
        if (code == null) {
            return 0;
        }
        int length = code.length;
        int stop = pos + length;
        if (stop >= end) {
            return 0;
        }
        if (length < WORD_PAIR && pos + WORD_PAIR <= b.length) {
            long difference = (ByteScan.word(b, pos) ^ firstWords[line]) & firstMasks[line]
                    | (ByteScan.word(b, pos + 8) ^ secondWords[line]) & secondMasks[line];
            return difference == 0 ? length : 0;
        }
        return b[stop] == '(' && Arrays.equals(b, pos, stop, code, 0, length) ? length : 0;
    }

    long key(int line) {
        return keys[line];
    }

    /** The line's {@link ObisField}. */
    int field(int line) {
        return fields[line];
    }

    String normalised(int line) {
        return normalised[line];
    }

    void remember(int line, byte[] b, int start, int end, long key, int field, String normalisedCode) {
        if (line >= LINES) {
            return;
        }
        byte[] code = Arrays.copyOfRange(b, start, end);
        codes[line] = code;
        keys[line] = key;
        fields[line] = field;
        normalised[line] = normalisedCode;
        if (code.length < WORD_PAIR) {
            byte[] pattern = Arrays.copyOf(code, WORD_PAIR);
            pattern[code.length] = '(';
            int compared = code.length + 1;
            firstWords[line] = ByteScan.word(pattern, 0);
            secondWords[line] = ByteScan.word(pattern, 8);
            firstMasks[line] = lowBytes(compared);
            secondMasks[line] = lowBytes(compared - 8);
        }
    }

    /** A mask of the lowest {@code count} bytes of a long (none for 0 or less, all for 8 or more). */
    private static long lowBytes(int count) {
        if (count <= 0) {
            return 0;
        }
        return count >= 8 ? -1L : (1L << (8 * count)) - 1;
    }
}
