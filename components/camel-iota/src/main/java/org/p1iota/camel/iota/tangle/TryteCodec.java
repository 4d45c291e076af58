package org.p1iota.iota.tangle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to trytes and back, two trytes per byte: byte {@code b} becomes {@code ALPHABET[b % 27]} then
 * {@code ALPHABET[b / 27]}. For ASCII this is exactly what the reference clients
 * ({@code asciiToTrytes}) do, so text messages stay readable by them; bytes 128..255 round-trip too
 * (the JavaScript converter refuses them, so only send those to readers of this project).
 */
public final class TryteCodec {

    public static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private TryteCodec() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder trytes = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            int value = b & 0xFF;
            trytes.append(ALPHABET.charAt(value % 27)).append(ALPHABET.charAt(value / 27));
        }
        return trytes.toString();
    }

    public static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes trytes written by {@link #encode}. Trailing {@code 9}s are transaction padding and are
     * dropped first (as the reference readers do), so a message cannot end in NUL bytes.
     *
     * Anything read from the tangle may be any trytes: an odd count, or pairs above 255, are reported
     * with the exception below, never with another runtime exception.
     *
     * @throws IllegalArgumentException for characters outside the alphabet or pairs that are no byte
     */
    public static byte[] decode(String trytes) {
        int end = trytes.length();
        while (end > 0 && trytes.charAt(end - 1) == '9') {
            end--;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end / 2 + 1);
        for (int i = 0; i < end; i += 2) {
            int low = value(trytes, i);
            // an odd count: the last byte's high tryte was a 9 (a value below 27), cut with the padding
            int high = i + 1 < end ? value(trytes, i + 1) : 0;
            int b = low + 27 * high;
            if (b > 255) {
                throw new IllegalArgumentException("trytes " + trytes.substring(i, i + 2) + " at offset " + i + " are no byte");
            }
            bytes.write(b);
        }
        return bytes.toByteArray();
    }

    public static String decodeText(String trytes) {
        return new String(decode(trytes), StandardCharsets.UTF_8);
    }

    public static boolean isTrytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '9' && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static int value(String trytes, int index) {
        char c = trytes.charAt(index);
        int value = ALPHABET.indexOf(c);
        if (value < 0) {
            throw new IllegalArgumentException("'" + c + "' at offset " + index + " is not a tryte");
        }
        return value;
    }
}
