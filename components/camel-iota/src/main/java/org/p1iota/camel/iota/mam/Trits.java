package org.p1iota.iota.mam;

/**
 * Balanced trits and trytes, the way MAM uses them: alphabet {@code 9A..Z}, three trits per tryte,
 * least significant trit first. Everything works on {@code int[]} trit vectors in {-1, 0, 1}.
 */
final class Trits {

    static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final int HASH_TRITS = 243;
    static final int HASH_TRYTES = 81;

    private static final int[][] TRYTE_TRITS = new int[27][];

    static {
        for (int i = 0; i < 27; i++) {
            int value = i <= 13 ? i : i - 27;
            TRYTE_TRITS[i] = balanced(value, 3);
        }
    }

    private Trits() {
    }

    /** True when every character is a tryte; null is not. */
    static boolean isTrytes(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '9' && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** Trits of trytes that were already checked with {@link #isTrytes}. */
    static int[] fromTrytes(CharSequence trytes) {
        int[] trits = new int[trytes.length() * 3];
        for (int i = 0; i < trytes.length(); i++) {
            char c = trytes.charAt(i);
            int[] t = TRYTE_TRITS[c == '9' ? 0 : c - 'A' + 1];
            trits[3 * i] = t[0];
            trits[3 * i + 1] = t[1];
            trits[3 * i + 2] = t[2];
        }
        return trits;
    }

    /** Trytes of {@code length} trits from {@code offset}; a last partial tryte is padded with zero trits. */
    static String toTrytes(int[] trits, int offset, int length) {
        StringBuilder out = new StringBuilder((length + 2) / 3);
        for (int i = 0; i < length; i += 3) {
            int value = 0;
            int scale = 1;
            for (int j = 0; j < 3 && i + j < length; j++) {
                value += trits[offset + i + j] * scale;
                scale *= 3;
            }
            out.append(ALPHABET.charAt(value < 0 ? value + 27 : value));
        }
        return out.toString();
    }

    static String toTrytes(int[] trits) {
        return toTrytes(trits, 0, trits.length);
    }

    /** Value of the tryte made of trits {@code offset..offset+2}: -13..13. */
    static int tryteValue(int[] trits, int offset) {
        return trits[offset] + 3 * trits[offset + 1] + 9 * trits[offset + 2];
    }

    /** Little-endian balanced value of {@code length} trits (callers keep it within a long). */
    static long value(int[] trits, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value * 3 + trits[offset + i];
        }
        return value;
    }

    /** {@code value} as {@code length} balanced trits, least significant first. */
    static int[] balanced(long value, int length) {
        int[] trits = new int[length];
        long v = value;
        for (int i = 0; i < length; i++) {
            int r = (int) Math.floorMod(v, 3L);
            if (r == 2) {
                trits[i] = -1;
                v = Math.floorDiv(v, 3L) + 1;
            } else {
                trits[i] = r;
                v = Math.floorDiv(v, 3L);
            }
        }
        return trits;
    }

    /** Adds 1 to the trits {@code offset..offset+length-1} as a balanced little-endian number, carry dropped at the top. */
    static void increment(int[] trits, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (trits[i] < 1) {
                trits[i]++;
                return;
            }
            trits[i] = -1;
        }
    }

    /** Adds {@code amount} (non-negative) to the whole vector with carry, as jota's subseed does. */
    static void add(int[] trits, long amount) {
        int[] addend = balanced(amount, 41); // 3^40 > Long.MAX_VALUE
        int carry = 0;
        for (int i = 0; i < trits.length; i++) {
            int sum = trits[i] + (i < addend.length ? addend[i] : 0) + carry;
            if (sum > 1) {
                sum -= 3;
                carry = 1;
            } else if (sum < -1) {
                sum += 3;
                carry = -1;
            } else {
                carry = 0;
            }
            trits[i] = sum;
        }
    }

    /** Trit addition modulo 3, kept in {-1, 0, 1}: the MAM mask. */
    static int sum(int a, int b) {
        int s = a + b;
        return s == 2 ? -1 : s == -2 ? 1 : s;
    }

    static boolean isZero(int[] trits) {
        for (int t : trits) {
            if (t != 0) {
                return false;
            }
        }
        return true;
    }
}
