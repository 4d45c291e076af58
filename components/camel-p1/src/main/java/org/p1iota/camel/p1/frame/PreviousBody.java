package org.p1iota.camel.p1.frame;

import java.util.Arrays;

/**
 * The body of the last telegram framed, kept to frame the next one from what changed. A meter sends
 * the same lines every second with a few digits changed, usually at the same length; when the next
 * telegram has its {@code !} where the last one had it, the bytes in between are compared (a
 * vectorised {@link Arrays#mismatch}), and only where they differ is anything looked at: the new bytes
 * must not hold a {@code /} or {@code !} (the old ones held none), and their difference to the old
 * ones updates the old CRC ({@link Crc16Arc#zeros}: CRC-16/ARC is linear). The result is exactly what
 * scanning and CRC-ing every byte gives, for a fraction of the work.
 */
final class PreviousBody {

    /** Longer bodies are not remembered: {@link Crc16Arc#zeros} must span the whole body. */
    private static final int MAX_INNER = (1 << Crc16Arc.ZERO_POWERS) - 1;

    /** The bytes between the body's {@code /} and {@code !}. */
    private byte[] inner = new byte[0];
    /** How many there are; -1 while nothing is remembered. */
    private int innerLength = -1;
    /** The CRC from {@code /} up to the {@code !}. */
    private int crcBeforeBang;

    /**
     * Remembers a body: {@code bytes[from, from + beforeBang)} runs from its {@code /} up to its
     * {@code !}, and {@code crcBeforeBang} is their CRC.
     */
    void remember(byte[] bytes, int from, int beforeBang, int crcBeforeBang) {
        int length = beforeBang - 1;
        if (length > MAX_INNER) {
            innerLength = -1;
            return;
        }
        if (inner.length < length) {
            inner = new byte[Math.max(length, 2 * inner.length)];
        }
        System.arraycopy(bytes, from + 1, inner, 0, length);
        this.innerLength = length;
        this.crcBeforeBang = crcBeforeBang;
    }

    /** Bytes between the remembered body's {@code /} and {@code !}; -1 when none is remembered. */
    int innerLength() {
        return innerLength;
    }

    /**
     * The telegram whose {@code /} is at {@code at - 1}, when it ends where the remembered one did: its
     * {@code !} at {@code at + }{@link #innerLength()}, before {@code limit}, and no {@code /} or {@code !}
     * before that. Returns the CRC of the new body without its {@code !} (the old CRC plus the CRC of
     * the differences, each followed by the zero bytes up to the end), or -1 when the telegram does not
     * end so (then nothing is known, and the caller scans).
     */
    int crcBeforeBang(byte[] data, int at, int limit) {
        int n = innerLength;
        if (n < 0 || n >= limit - at || data[at + n] != '!') {
            return -1;
        }
        int delta = 0;
        int pos = 0;
        while (pos < n) {
            int differs = Arrays.mismatch(data, at + pos, at + n, inner, pos, n);
            if (differs < 0) {
                break;
            }
            delta = Crc16Arc.zeros(delta, differs);
            pos += differs;
            int window = Math.min(8, n - pos);
            for (int k = at + pos, end = k + window; k < end; k++) {
                if (data[k] == '/' || data[k] == '!') {
                    return -1;
                }
            }
            if (window == 8) {
                delta = Crc16Arc.update8(delta, ByteScan.word(data, at + pos) ^ ByteScan.word(inner, pos));
            } else {
                for (int k = 0; k < window; k++) {
                    delta = Crc16Arc.update(delta, (byte) (data[at + pos + k] ^ inner[pos + k]));
                }
            }
            pos += window;
        }
        return crcBeforeBang ^ Crc16Arc.zeros(delta, n - pos);
    }
}
