package org.p1iota.camel.p1.parse;

import java.util.Arrays;

/**
 * The OBIS codes of the previous telegram, by line number. A meter sends the same lines in the same
 * order every time, so the parser first checks whether line {@code n} starts with the code line
 * {@code n} had last time (one range comparison) and only parses the code digit by digit when not.
 */
final class LineTemplates {

    private static final int LINES = 128;
    private final byte[][] codes = new byte[LINES][];
    private final long[] keys = new long[LINES];
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
        return stop < end && b[stop] == '(' && Arrays.equals(b, pos, stop, code, 0, length) ? length : 0;
    }

    long key(int line) {
        return keys[line];
    }

    String normalised(int line) {
        return normalised[line];
    }

    void remember(int line, byte[] b, int start, int end, long key, String normalisedCode) {
        if (line < LINES) {
            codes[line] = Arrays.copyOfRange(b, start, end);
            keys[line] = key;
            normalised[line] = normalisedCode;
        }
    }
}
