package org.p1iota.camel.p1.parse;

import java.nio.charset.StandardCharsets;

/**
 * The text of OBIS codes the parser needs as strings (M-Bus readings, unknown codes), by packed code:
 * a meter sends the same codes in every telegram, so each string is made once. Direct-mapped, small,
 * per parser.
 */
final class CodeTexts {

    private static final int SIZE = 64;
    private final long[] keys = new long[SIZE];
    private final String[] texts = new String[SIZE];

    String get(long key, byte[] b, int start, int end) {
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 58); // Fibonacci hashing: all code groups matter
        String text = texts[slot];
        if (text != null && keys[slot] == key && text.length() == end - start) {
            return text;
        }
        text = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        keys[slot] = key;
        texts[slot] = text;
        return text;
    }
}
