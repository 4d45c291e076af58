package org.p1iota.camel.p1.parse;

import java.util.Arrays;

/**
 * The lines of the previous telegram with what they were read into, by line number. A meter repeats
 * most of its lines byte for byte from one telegram to the next: in real captures about four lines in
 * five (ids, versions, tariff, counters, totals that did not move this second, exports of a home
 * without solar panels). Lines that repeat their predecessors are compared, not read: one vectorised
 * compare ({@link Arrays#mismatch}) finds how far the telegram runs on unchanged from a line, and
 * every line inside that run takes the typed value (an immutable {@code BigDecimal}, text, time or
 * record) the previous telegram's line was read into.
 * <p>
 * An entry describes a line of the previous telegram's bytes: where it starts and ends, and what it
 * was read into. A line is valid only when it was read without a problem and without a continuation
 * line, and what is kept is a function of the line's bytes alone (its key, {@link ObisField}, code text
 * and what {@link FieldReader#read} gave), so a line that repeats gives exactly what reading it
 * again would give. A line inside a run (not its first) must also have followed its predecessor with
 * nothing but line ends between them, so a run never steps over a line that was not an OBIS line.
 * <p>
 * The parser hands over each telegram's bytes and promises not to change them (they are the
 * telegram's raw OBIS view); the memo keeps a reference, not a copy. Not thread-safe; one per parser.
 */
final class LineMemo {

    private static final int LINES = 128;

    /** The telegram the entries describe, and the position of its {@code !}. */
    private byte[] previous;
    private int previousEnd;
    /** Entries 0 up to here describe lines of {@link #previous}. */
    private int count;
    /**
     * The line where the last run ended because the bytes differ there: it is read, not compared again.
     * (Its bytes may also be the same, moved by a line end more or less; reading it is right either way.)
     */
    private int changedLine = -1;

    private final boolean[] valid = new boolean[LINES];
    /** Only line ends between this line and the line before it. */
    private final boolean[] adjacent = new boolean[LINES];
    /** Where the line's code starts, and where its values end (at a line end or the {@code !}). */
    private final int[] starts = new int[LINES];
    private final int[] stops = new int[LINES];
    private final int[] codeLengths = new int[LINES];
    private final long[] keys = new long[LINES];
    /** The key's {@link SeenCodes#slot}. */
    private final int[] slots = new int[LINES];
    private final int[] fields = new int[LINES];
    private final String[] normalised = new String[LINES];
    private final String[] codeTexts = new String[LINES];
    private final Object[] values = new Object[LINES];

    /**
     * How many lines from line number {@code line} on repeat the previous telegram's lines of those
     * numbers, the first starting at {@code pos}, each with the same bytes and followed by the same line
     * end; 0 when line {@code line} does not.
     *
     * @param end the position of this telegram's {@code !}
     */
    int repeatedRun(int line, byte[] b, int pos, int end) {
        if (line >= count || !valid[line] || line == changedLine) {
            return 0;
        }
        int from = starts[line];
        // identical bytes from the line on, up to and including the '!' of the shorter rest
        int limit = Math.min(end - pos, previousEnd - from) + 1;
        int same = Arrays.mismatch(b, pos, pos + limit, previous, from, from + limit);
        if (same < 0) {
            same = limit;
        }
        if (stops[line] - from >= same) {
            return 0;
        }
        int last = line + 1;
        while (last < count && valid[last] && adjacent[last] && stops[last] - from < same) {
            last++;
        }
        if (last < count && valid[last] && adjacent[last]) {
            changedLine = last;
        }
        return last - line;
    }

    /**
     * Line {@code line} of this telegram is its predecessor's line, {@code delta} bytes further on.
     *
     * @param first the line starts a run: whether only line ends lie between it and the line before
     */
    void repeated(int line, int delta, boolean first, boolean adjacentNow) {
        starts[line] += delta;
        stops[line] += delta;
        if (first) {
            adjacent[line] = adjacentNow;
        }
    }

    /** Remembers line {@code line} of this telegram, code at {@code start}, values ending at {@code stop}. */
    void remember(int line, int start, int stop, boolean adjacentToPrevious, int codeLength, long key, int field,
            String normalisedCode, String codeText, Object value) {
        if (line >= LINES) {
            return;
        }
        valid[line] = true;
        adjacent[line] = adjacentToPrevious;
        starts[line] = start;
        stops[line] = stop;
        codeLengths[line] = codeLength;
        keys[line] = key;
        slots[line] = SeenCodes.slot(key);
        fields[line] = field;
        normalised[line] = normalisedCode;
        codeTexts[line] = codeText;
        values[line] = value;
    }

    /** Line {@code line} of this telegram cannot be taken from the memo next time. */
    void forget(int line) {
        if (line < LINES) {
            valid[line] = false;
            values[line] = null;
        }
    }

    /** This telegram is done: its first {@code lines} lines are the entries from now on. */
    void finish(byte[] telegram, int end, int lines) {
        changedLine = -1;
        previous = telegram;
        previousEnd = end;
        count = Math.min(lines, LINES);
    }

    /** Forgets everything (a telegram was given up halfway). */
    void clear() {
        changedLine = -1;
        previous = null;
        count = 0;
    }

    int start(int line) {
        return starts[line];
    }

    int stop(int line) {
        return stops[line];
    }

    int codeLength(int line) {
        return codeLengths[line];
    }

    long key(int line) {
        return keys[line];
    }

    int slot(int line) {
        return slots[line];
    }

    int field(int line) {
        return fields[line];
    }

    String normalised(int line) {
        return normalised[line];
    }

    String codeText(int line) {
        return codeTexts[line];
    }

    Object value(int line) {
        return values[line];
    }
}
