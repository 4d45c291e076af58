package org.p1iota.iota.envelope;

import java.math.BigInteger;

/**
 * Bytes to trytes and back, densely: every 16 bytes, read as an unsigned big-endian number, are
 * written as 27 base-27 digits (27^27 = 3^81 > 2^128), most significant first, each digit as a
 * tryte character of {@code 9ABCDEFGHIJKLMNOPQRSTUVWXYZ} (9 = 0, A = 1, ... Z = 26). A final
 * chunk of k &lt; 16 bytes takes the fewest digits t(k) with 27^t &ge; 256^k.
 * <p>
 * That is 1.6875 trytes a byte (the bound is 1.6826), against 2 for IOTA's ASCII-to-trytes. The
 * encoding is exact: t(k) differs for every k and is below 27, so a tryte length names its byte
 * length, and a chunk whose value does not fit its byte count is refused, so every byte string
 * has exactly one tryte form.
 * <p>
 * Public because the data channel's DATA v2 packs its compressed telegrams the same way.
 */
public final class DenseTrytes {

    static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final int CHUNK_BYTES = 16;
    static final int CHUNK_TRYTES = 27;

    private static final BigInteger RADIX = BigInteger.valueOf(27);
    /** TRYTES_FOR[k]: trytes for a chunk of k bytes. */
    private static final int[] TRYTES_FOR = new int[CHUNK_BYTES + 1];
    /** BYTES_FOR[t]: bytes of a chunk written as t trytes, or -1 if no chunk has that length. */
    private static final int[] BYTES_FOR = new int[CHUNK_TRYTES + 1];

    static {
        java.util.Arrays.fill(BYTES_FOR, -1);
        for (int k = 0; k <= CHUNK_BYTES; k++) {
            BigInteger limit = BigInteger.ONE.shiftLeft(8 * k);
            int t = 0;
            while (RADIX.pow(t).compareTo(limit) < 0) {
                t++;
            }
            TRYTES_FOR[k] = t;
            BYTES_FOR[t] = k;
        }
    }

    private DenseTrytes() {
    }

    /** Trytes needed for {@code byteCount} bytes. */
    public static int trytesFor(int byteCount) {
        return byteCount / CHUNK_BYTES * CHUNK_TRYTES + TRYTES_FOR[byteCount % CHUNK_BYTES];
    }

    /** The most bytes whose encoding fits in {@code trytes} trytes. */
    public static int maxBytesIn(int trytes) {
        int bytes = trytes / CHUNK_TRYTES * CHUNK_BYTES;
        int rest = trytes % CHUNK_TRYTES;
        int k = 0;
        while (k + 1 < CHUNK_BYTES && TRYTES_FOR[k + 1] <= rest) {
            k++;
        }
        return bytes + k;
    }

    public static String encode(byte[] bytes) {
        StringBuilder trytes = new StringBuilder(trytesFor(bytes.length));
        for (int offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
            int length = Math.min(CHUNK_BYTES, bytes.length - offset);
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
            appendDigits(trytes, new BigInteger(1, chunk), TRYTES_FOR[length]);
        }
        return trytes.toString();
    }

    private static void appendDigits(StringBuilder out, BigInteger value, int digits) {
        char[] chars = new char[digits];
        BigInteger rest = value;
        for (int i = digits - 1; i >= 0; i--) {
            BigInteger[] qr = rest.divideAndRemainder(RADIX);
            chars[i] = ALPHABET.charAt(qr[1].intValue());
            rest = qr[0];
        }
        out.append(chars);
    }

    public static byte[] decode(CharSequence trytes) throws EnvelopeException {
        int fullChunks = trytes.length() / CHUNK_TRYTES;
        int lastBytes = BYTES_FOR[trytes.length() % CHUNK_TRYTES];
        if (lastBytes < 0) {
            throw malformed("no byte string has " + trytes.length() + " trytes");
        }
        byte[] bytes = new byte[fullChunks * CHUNK_BYTES + lastBytes];
        int position = 0;
        for (int offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
            int length = Math.min(CHUNK_BYTES, bytes.length - offset);
            int digits = TRYTES_FOR[length];
            BigInteger value = readDigits(trytes, position, digits);
            position += digits;
            if (value.bitLength() > 8 * length) {
                throw malformed("trytes at " + (position - digits) + " do not encode " + length + " bytes");
            }
            byte[] magnitude = value.toByteArray(); // big-endian, may carry a leading sign byte
            int copy = Math.min(magnitude.length, length);
            System.arraycopy(magnitude, magnitude.length - copy, bytes, offset + length - copy, copy);
        }
        return bytes;
    }

    private static BigInteger readDigits(CharSequence trytes, int from, int digits) throws EnvelopeException {
        BigInteger value = BigInteger.ZERO;
        for (int i = from; i < from + digits; i++) {
            value = value.multiply(RADIX).add(BigInteger.valueOf(digit(trytes.charAt(i), i)));
        }
        return value;
    }

    static int digit(char tryte, int position) throws EnvelopeException {
        if (tryte == '9') {
            return 0;
        }
        if (tryte >= 'A' && tryte <= 'Z') {
            return tryte - 'A' + 1;
        }
        throw malformed("character " + position + " is not a tryte");
    }

    private static EnvelopeException malformed(String message) {
        return new EnvelopeException(EnvelopeException.Reason.MALFORMED, message);
    }
}
