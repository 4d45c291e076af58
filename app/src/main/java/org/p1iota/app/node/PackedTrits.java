package org.p1iota.app.node;

/**
 * Trytes stored as their trits, five to a byte (3^5 = 243 values fit in 256): a 243-trit hash takes
 * 49 bytes instead of 81 characters, the 8019 trits of a transaction 1604 bytes. A tryte is three
 * balanced trits (-1, 0, 1), little-endian, as in IOTA; the byte holds the base-3 number of its five
 * trits shifted to 0..2.
 */
final class PackedTrits {

    private static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** The three trits of each tryte value 0..26 ('9' = 0, 'A' = 1 ... 'M' = 13, 'N' = -13 ... 'Z' = -1). */
    private static final int[][] TRITS = new int[27][];
    private static final int[] POWERS = {1, 3, 9, 27, 81};

    static {
        for (int v = 0; v < 27; v++) {
            int value = v > 13 ? v - 27 : v;
            int[] trits = new int[3];
            for (int i = 0; i < 3; i++) {
                int r = Math.floorMod(value + 1, 3) - 1;
                trits[i] = r;
                value = (value - r) / 3;
            }
            TRITS[v] = trits;
        }
    }

    private PackedTrits() {
    }

    /** Bytes that {@code trytes} characters of trits take. */
    static int size(int trytes) {
        return (trytes * 3 + 4) / 5;
    }

    /** @param trytes characters of {@code [9A-Z]} */
    static byte[] pack(CharSequence trytes) {
        byte[] packed = new byte[size(trytes.length())];
        int trit = 0;
        for (int i = 0; i < trytes.length(); i++) {
            for (int t : TRITS[value(trytes.charAt(i))]) {
                int b = trit / 5;
                packed[b] = (byte) ((packed[b] & 0xff) + (t + 1) * POWERS[trit % 5]);
                trit++;
            }
        }
        return packed;
    }

    /** The first {@code trytes} trytes packed in {@code packed}. */
    static String unpack(byte[] packed, int trytes) {
        char[] out = new char[trytes];
        int[] trits = new int[3];
        int trit = 0;
        for (int i = 0; i < trytes; i++) {
            for (int j = 0; j < 3; j++, trit++) {
                trits[j] = (packed[trit / 5] & 0xff) / POWERS[trit % 5] % 3 - 1;
            }
            int value = trits[0] + 3 * trits[1] + 9 * trits[2];
            out[i] = ALPHABET.charAt(value < 0 ? value + 27 : value);
        }
        return new String(out);
    }

    private static int value(char tryte) {
        if (tryte == '9') {
            return 0;
        }
        if (tryte < 'A' || tryte > 'Z') {
            throw new IllegalArgumentException("not a tryte: " + tryte);
        }
        return tryte - 'A' + 1;
    }
}
