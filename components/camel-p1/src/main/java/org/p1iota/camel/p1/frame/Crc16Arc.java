package org.p1iota.camel.p1.frame;

/**
 * CRC-16/ARC (also "CRC-16 IBM"): reflected polynomial 0xA001, initial value 0, no final xor. DSMR 4+
 * telegrams carry it over the bytes from {@code /} up to and including {@code !}. Table driven so the
 * framer can update it byte by byte as data arrives, without a second pass.
 */
public final class Crc16Arc {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16Arc() {
    }

    /** The CRC after one more byte. */
    public static int update(int crc, byte b) {
        return (crc >>> 8) ^ TABLE[(crc ^ b) & 0xFF];
    }

    /** The CRC of {@code length} bytes from {@code offset}, starting from 0. */
    public static int of(byte[] bytes, int offset, int length) {
        int crc = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }
}
