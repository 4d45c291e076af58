package org.p1iota.camel.p1.parse;

/**
 * The C.D.E groups of the OBIS codes this parser types, packed as {@code C << 16 | D << 8 | E} so the
 * dispatch is one integer switch. The A-B groups (medium and channel) are checked separately.
 */
final class ObisKeys {

    static int key(int c, int d, int e) {
        return c << 16 | d << 8 | e;
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
