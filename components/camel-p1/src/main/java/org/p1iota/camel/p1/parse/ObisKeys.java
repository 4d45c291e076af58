package org.p1iota.camel.p1.parse;

/**
 * The C.D.E groups of the OBIS codes this parser types, packed as {@code C << 16 | D << 8 | E} so the
 * dispatch is one integer switch. The A-B groups (medium and channel) are checked separately.
 */
final class ObisKeys {

    static int key(int c, int d, int e) {
        return c << 16 | d << 8 | e;
    }

    /** Set in a {@link #code} result when the code was written with an F group ({@code *F} or {@code .F}). */
    static final long WITH_F = 1L << 48;

    /**
     * Reads the code {@code A-B:C.D.E} or {@code A-B:C.D.E*F} in {@code b[pos..open)}, digit by digit:
     * {@code A << 40 | B << 32 | C.D.E << 8 | F} (F is 255 when absent), plus {@link #WITH_F}; -1 when the
     * bytes are not such a code.
     */
    static long code(byte[] b, int pos, int open) {
        int a = -1;
        int bGroup = -1;
        int c = -1;
        int d = -1;
        int f = 255;
        int g = 0;
        int value = -1;
        for (int i = pos; i < open; i++) {
            byte ch = b[i];
            if (ch >= '0' && ch <= '9') {
                value = (value < 0 ? 0 : value * 10) + (ch - '0');
                if (value > 255) {
                    return -1;
                }
                continue;
            }
            if (value < 0 || g > 4 || ch != separator(g) && !(g == 4 && ch == '*')) {
                return -1;
            }
            switch (g++) {
                case 0 -> a = value;
                case 1 -> bGroup = value;
                case 2 -> c = value;
                case 3 -> d = value;
                default -> f = value; // the E group: swapped below, F comes last
            }
            value = -1;
        }
        if (value < 0 || g < 4) {
            return -1;
        }
        int e = g == 4 ? value : f;
        if (g == 5) {
            f = value;
        }
        return (long) a << 40 | (long) bGroup << 32 | (long) key(c, d, e) << 8 | f | (g == 4 ? 0 : WITH_F);
    }

    /** The code of a {@link #code} result as {@code A-B:C.D.E} (with {@code *F} unless F is 255). */
    static String text(long code) {
        int cde = (int) (code >>> 8) & 0xFFFFFF;
        int f = (int) code & 0xFF;
        return ((code >>> 40) & 0xFF) + "-" + ((code >>> 32) & 0xFF) + ":" + (cde >>> 16) + "." + ((cde >>> 8) & 0xFF) + "."
                + (cde & 0xFF) + (f == 255 ? "" : "*" + f);
    }

    private static byte separator(int group) {
        return switch (group) {
            case 0 -> '-';
            case 1 -> ':';
            default -> '.';
        };
    }

    // abstract objects (A = 0, B = 0)
    static final int TIMESTAMP = 1 << 16; // 1.0.0
    static final int EQUIPMENT_ID = 96 << 16 | 1 << 8 | 1;
    static final int EQUIPMENT_ID_OLD = 96 << 16 | 1 << 8;
    static final int EQUIPMENT_ID_LU = 42 << 16;
    static final int EMUCS_VERSION = 96 << 16 | 1 << 8 | 4;
    static final int TARIFF_INDICATOR = 96 << 16 | 14 << 8;
    static final int POWER_FAILURES = 96 << 16 | 7 << 8 | 21;
    static final int LONG_POWER_FAILURES = 96 << 16 | 7 << 8 | 9;
    static final int TEXT_MESSAGE = 96 << 16 | 13 << 8;
    static final int TEXT_MESSAGE_CODE = 96 << 16 | 13 << 8 | 1;
    static final int MAX_DEMAND_HISTORY = 98 << 16 | 1 << 8;

    // P1 version (A = 1, B = 3)
    static final int P1_VERSION = 2 << 8 | 8;

    // electricity (A = 1)
    static final int IMPORT_TOTAL = 1 << 16 | 8 << 8;
    static final int IMPORT_T1 = 1 << 16 | 8 << 8 | 1;
    static final int IMPORT_T2 = 1 << 16 | 8 << 8 | 2;
    static final int EXPORT_TOTAL = 2 << 16 | 8 << 8;
    static final int EXPORT_T1 = 2 << 16 | 8 << 8 | 1;
    static final int EXPORT_T2 = 2 << 16 | 8 << 8 | 2;
    static final int REACTIVE_IMPORT_TOTAL = 3 << 16 | 8 << 8;
    static final int REACTIVE_EXPORT_TOTAL = 4 << 16 | 8 << 8;
    static final int POWER_IMPORT = 1 << 16 | 7 << 8;
    static final int POWER_EXPORT = 2 << 16 | 7 << 8;
    static final int CURRENT_AVERAGE_DEMAND = 1 << 16 | 4 << 8;
    static final int MAX_DEMAND_MONTH = 1 << 16 | 6 << 8;
    static final int FAILURE_LOG = 99 << 16 | 97 << 8;

    // M-Bus (A = 0, B = channel)
    static final int MBUS_DEVICE_TYPE = 24 << 16 | 1 << 8;
    static final int MBUS_EQUIPMENT_ID = 96 << 16 | 1 << 8;
    static final int MBUS_EQUIPMENT_ID_BE = 96 << 16 | 1 << 8 | 1;
    static final int MBUS_VALVE = 24 << 16 | 4 << 8;
    static final int MBUS_PROFILE_DSMR3 = 24 << 16 | 3 << 8;
    /** {@code 24.2.x}: readings with their own timestamp (24.2.1 NL, 24.2.3 BE). */
    static final int MBUS_READING_GROUP = 24 << 8 | 2;

    private ObisKeys() {
    }
}
