package org.p1iota.app.node;

/**
 * Transaction trytes packed for storage: three trytes (27^3 = 19,683 values) in two bytes, so a
 * 2673-tryte transaction takes 1782 bytes instead of 2673.
 */
final class PackedTrytes {

    private static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private PackedTrytes() {
    }

    /** @param trytes characters of {@code [9A-Z]}, a multiple of 3 long */
    static byte[] pack(String trytes) {
        byte[] packed = new byte[trytes.length() / 3 * 2];
        for (int i = 0, j = 0; i < trytes.length(); i += 3, j += 2) {
            int value = value(trytes.charAt(i)) * 729 + value(trytes.charAt(i + 1)) * 27 + value(trytes.charAt(i + 2));
            packed[j] = (byte) (value >>> 8);
            packed[j + 1] = (byte) value;
        }
        return packed;
    }

    static String unpack(byte[] packed) {
        char[] trytes = new char[packed.length / 2 * 3];
        for (int i = 0, j = 0; i < packed.length; i += 2, j += 3) {
            int value = ((packed[i] & 0xff) << 8) | (packed[i + 1] & 0xff);
            trytes[j] = ALPHABET.charAt(value / 729);
            trytes[j + 1] = ALPHABET.charAt(value / 27 % 27);
            trytes[j + 2] = ALPHABET.charAt(value % 27);
        }
        return new String(trytes);
    }

    private static int value(char tryte) {
        return tryte == '9' ? 0 : tryte - 'A' + 1;
    }
}
