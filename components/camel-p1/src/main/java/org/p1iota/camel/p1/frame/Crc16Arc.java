package org.p1iota.camel.p1.frame;

/**
 * CRC-16/ARC (also "CRC-16 IBM"): reflected polynomial 0xA001, initial value 0, no final xor. DSMR 4+
 * telegrams carry it over the bytes from {@code /} up to and including {@code !}.
 * <p>
 * {@link #update(int, byte[], int, int)} processes eight bytes per step with eight derived tables
 * ("slicing-by-8"): the table lookups of a step are independent of each other, so the CPU is not held
 * up by one lookup waiting for the previous one as in the byte-wise loop.
 */
public final class Crc16Arc {

    private static final int[][] TABLES = new int[8][256];

    static {
        int[] t0 = TABLES[0];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            t0[i] = crc;
        }
        // TABLES[k][i]: the CRC contribution of byte i followed by k zero bytes
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                int previous = TABLES[k - 1][i];
                TABLES[k][i] = (previous >>> 8) ^ t0[previous & 0xFF];
            }
        }
    }

    private Crc16Arc() {
    }

    /** The CRC after one more byte. */
    public static int update(int crc, byte b) {
        return (crc >>> 8) ^ TABLES[0][(crc ^ b) & 0xFF];
    }

    /** The CRC after {@code length} more bytes from {@code offset}. */
    public static int update(int crc, byte[] bytes, int offset, int length) {
        int[] t0 = TABLES[0];
        int[] t1 = TABLES[1];
        int[] t2 = TABLES[2];
        int[] t3 = TABLES[3];
        int[] t4 = TABLES[4];
        int[] t5 = TABLES[5];
        int[] t6 = TABLES[6];
        int[] t7 = TABLES[7];
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            crc = t7[(crc ^ bytes[i]) & 0xFF] ^ t6[((crc >>> 8) ^ bytes[i + 1]) & 0xFF]
                    ^ t5[bytes[i + 2] & 0xFF] ^ t4[bytes[i + 3] & 0xFF] ^ t3[bytes[i + 4] & 0xFF]
                    ^ t2[bytes[i + 5] & 0xFF] ^ t1[bytes[i + 6] & 0xFF] ^ t0[bytes[i + 7] & 0xFF];
        }
        for (; i < end; i++) {
            crc = (crc >>> 8) ^ t0[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    /** The CRC of {@code length} bytes from {@code offset}. */
    public static int of(byte[] bytes, int offset, int length) {
        return update(0, bytes, offset, length);
    }
}
