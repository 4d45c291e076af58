package org.p1iota.camel.p1.parse;

/**
 * What an OBIS line means to {@link TelegramAssembler}: the code's groups classified once, when the
 * code is first read (and then remembered with the line's template), so typing a line is a single
 * dense {@code switch} instead of a cascade of medium, channel and code tests.
 * <p>
 * Packed as {@code phase << 8 | kind}; the phase (1-3) is set for per-phase objects only.
 */
final class ObisField {

    static final int UNKNOWN = 0;
    // abstract objects (0-0)
    static final int TIMESTAMP = 1;
    static final int EQUIPMENT_ID = 2;
    static final int EQUIPMENT_ID_LU = 3;
    static final int EQUIPMENT_ID_OLD = 4;
    static final int EMUCS_VERSION = 5;
    static final int TARIFF_INDICATOR = 6;
    static final int POWER_FAILURES = 7;
    static final int LONG_POWER_FAILURES = 8;
    static final int TEXT_MESSAGE = 9;
    static final int TEXT_MESSAGE_CODE = 10;
    static final int MAX_DEMAND_HISTORY = 11;
    // 1-3
    static final int P1_VERSION = 12;
    // electricity (1-0, 1-1)
    static final int IMPORT_T1 = 13;
    static final int IMPORT_T2 = 14;
    static final int EXPORT_T1 = 15;
    static final int EXPORT_T2 = 16;
    static final int IMPORT_TOTAL = 17;
    static final int EXPORT_TOTAL = 18;
    static final int POWER_IMPORT = 19;
    static final int POWER_EXPORT = 20;
    static final int REACTIVE_IMPORT_TOTAL = 21;
    static final int REACTIVE_EXPORT_TOTAL = 22;
    static final int CURRENT_AVERAGE_DEMAND = 23;
    static final int MAX_DEMAND_MONTH = 24;
    static final int FAILURE_LOG = 25;
    // per phase (1-0, 1-1), with the phase in the high bits
    static final int PHASE_POWER_IMPORT = 26;
    static final int PHASE_POWER_EXPORT = 27;
    static final int PHASE_CURRENT = 28;
    static final int PHASE_VOLTAGE = 29;
    static final int PHASE_SAGS = 30;
    static final int PHASE_SWELLS = 31;
    // M-Bus devices (0-n, n > 0)
    static final int MBUS_DEVICE_TYPE = 32;
    static final int MBUS_EQUIPMENT_ID = 33;
    static final int MBUS_VALVE = 34;
    static final int MBUS_PROFILE_DSMR3 = 35;
    static final int MBUS_READING = 36;

    private ObisField() {
    }

    static int kind(int field) {
        return field & 0xFF;
    }

    static int phase(int field) {
        return field >>> 8;
    }

    /** Classifies a code by its groups A, B and C.D.E ({@link ObisKeys#key}). */
    static int of(int a, int b, int cde) {
        if (a == 0 && b == 0) {
            return abstractObject(cde);
        }
        if (a == 0) {
            return mbus(cde);
        }
        if (a == 1 && b == 3) {
            return cde == ObisKeys.P1_VERSION ? P1_VERSION : UNKNOWN;
        }
        if (a == 1 && b <= 1) {
            return electricity(cde);
        }
        return UNKNOWN;
    }

    private static int abstractObject(int cde) {
        return switch (cde) {
            case ObisKeys.TIMESTAMP -> TIMESTAMP;
            case ObisKeys.EQUIPMENT_ID -> EQUIPMENT_ID;
            case ObisKeys.EQUIPMENT_ID_LU -> EQUIPMENT_ID_LU;
            case ObisKeys.EQUIPMENT_ID_OLD -> EQUIPMENT_ID_OLD;
            case ObisKeys.EMUCS_VERSION -> EMUCS_VERSION;
            case ObisKeys.TARIFF_INDICATOR -> TARIFF_INDICATOR;
            case ObisKeys.POWER_FAILURES -> POWER_FAILURES;
            case ObisKeys.LONG_POWER_FAILURES -> LONG_POWER_FAILURES;
            case ObisKeys.TEXT_MESSAGE -> TEXT_MESSAGE;
            case ObisKeys.TEXT_MESSAGE_CODE -> TEXT_MESSAGE_CODE;
            case ObisKeys.MAX_DEMAND_HISTORY -> MAX_DEMAND_HISTORY;
            default -> UNKNOWN;
        };
    }

    private static int mbus(int cde) {
        return switch (cde) {
            case ObisKeys.MBUS_DEVICE_TYPE -> MBUS_DEVICE_TYPE;
            case ObisKeys.MBUS_EQUIPMENT_ID, ObisKeys.MBUS_EQUIPMENT_ID_BE -> MBUS_EQUIPMENT_ID;
            case ObisKeys.MBUS_VALVE -> MBUS_VALVE;
            case ObisKeys.MBUS_PROFILE_DSMR3 -> MBUS_PROFILE_DSMR3;
            default -> cde >> 8 == ObisKeys.MBUS_READING_GROUP ? MBUS_READING : UNKNOWN;
        };
    }

    private static int electricity(int cde) {
        return switch (cde) {
            case ObisKeys.IMPORT_T1 -> IMPORT_T1;
            case ObisKeys.IMPORT_T2 -> IMPORT_T2;
            case ObisKeys.EXPORT_T1 -> EXPORT_T1;
            case ObisKeys.EXPORT_T2 -> EXPORT_T2;
            case ObisKeys.IMPORT_TOTAL -> IMPORT_TOTAL;
            case ObisKeys.EXPORT_TOTAL -> EXPORT_TOTAL;
            case ObisKeys.POWER_IMPORT -> POWER_IMPORT;
            case ObisKeys.POWER_EXPORT -> POWER_EXPORT;
            case ObisKeys.REACTIVE_IMPORT_TOTAL -> REACTIVE_IMPORT_TOTAL;
            case ObisKeys.REACTIVE_EXPORT_TOTAL -> REACTIVE_EXPORT_TOTAL;
            case ObisKeys.CURRENT_AVERAGE_DEMAND -> CURRENT_AVERAGE_DEMAND;
            case ObisKeys.MAX_DEMAND_MONTH -> MAX_DEMAND_MONTH;
            case ObisKeys.FAILURE_LOG -> FAILURE_LOG;
            default -> perPhase(cde);
        };
    }

    /** Per-phase objects: C = 21/41/61 P+, 22/42/62 P-, 31/51/71 I, 32/52/72 U (and sags, swells). */
    private static int perPhase(int cde) {
        int c = cde >> 16;
        int de = cde & 0xFFFF;
        int phase = c >= 21 && c <= 72 ? (c - 1) / 20 : -1;
        int quantity = c - 20 * phase;
        if (phase < 1 || phase > 3 || quantity < 1 || quantity > 12) {
            return UNKNOWN;
        }
        int kind = UNKNOWN;
        if (de == (7 << 8)) {
            kind = switch (quantity) {
                case 1 -> PHASE_POWER_IMPORT;
                case 2 -> PHASE_POWER_EXPORT;
                case 11 -> PHASE_CURRENT;
                case 12 -> PHASE_VOLTAGE;
                default -> UNKNOWN;
            };
        } else if (quantity == 12 && de == (32 << 8)) {
            kind = PHASE_SAGS;
        } else if (quantity == 12 && de == (36 << 8)) {
            kind = PHASE_SWELLS;
        }
        return kind == UNKNOWN ? UNKNOWN : phase << 8 | kind;
    }
}
