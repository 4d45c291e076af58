package org.p1iota.camel.p1.parse;

import java.util.Arrays;

/**
 * Texts a meter sends unchanged in every telegram (its equipment ids, the P1 version): the string
 * made from the same bytes last time is reused, so a 34-digit hex id is compared, not decoded again.
 * Keyed by the exact bytes, so a changed value is simply a miss and decoded as before: the result is
 * always what decoding gives. Direct-mapped and small; one per parser.
 */
final class RepeatedTexts {

    private static final int SLOTS = 8;
    private final byte[][] raws = new byte[SLOTS][];
    private final boolean[] decoded = new boolean[SLOTS];
    private final String[] texts = new String[SLOTS];

    /** The bytes as Latin-1 text, or hex-decoded as {@link ValueReader#hexText} does when {@code hex}. */
    String get(byte[] b, int start, int end, boolean hex) {
        int length = end - start;
        int slot = (length * 7 + (length == 0 ? 0 : b[end - 1]) + (hex ? 3 : 0)) & (SLOTS - 1);
        byte[] raw = raws[slot];
        if (raw != null && decoded[slot] == hex && raw.length == length && Arrays.equals(raw, 0, length, b, start, end)) {
            return texts[slot];
        }
        String text = hex ? ValueReader.hexText(b, start, end) : ValueReader.latin1(b, start, end);
        raws[slot] = Arrays.copyOfRange(b, start, end);
        decoded[slot] = hex;
        texts[slot] = text;
        return text;
    }
}
