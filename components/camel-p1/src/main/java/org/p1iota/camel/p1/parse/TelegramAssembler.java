package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.p1iota.camel.p1.frame.CrcStatus;
import org.p1iota.camel.p1.model.FieldError;
import org.p1iota.camel.p1.model.PeakDemand;
import org.p1iota.camel.p1.model.PhaseReadings;
import org.p1iota.camel.p1.model.PowerFailure;
import org.p1iota.camel.p1.model.Telegram;

/**
 * Collects the typed values of one telegram's lines ({@link FieldReader} reads them) and builds the
 * {@link Telegram}. One instance per telegram, on purpose: the values it holds are as new as it is,
 * so storing them costs a plain write. (A long-lived assembler would make each of those writes pay the
 * G1 collector's barrier for an old object pointing at a young one, a memory fence apiece.)
 */
final class TelegramAssembler {

    private static final int PHASES = 3;
    /** Per phase: voltage, current, power imported, power exported, sags, swells. */
    private static final int PER_PHASE = 6;

    private String p1Version;
    private String emucsVersion;
    private OffsetDateTime timestamp;
    private String equipmentId;
    private int equipmentIdRank;
    private BigDecimal importT1;
    private BigDecimal importT2;
    private BigDecimal exportT1;
    private BigDecimal exportT2;
    private BigDecimal importTotal;
    private BigDecimal exportTotal;
    private BigDecimal powerImport;
    private BigDecimal powerExport;
    private Integer tariff;
    private BigDecimal reactiveImportTotal;
    private BigDecimal reactiveExportTotal;
    private Long powerFailures;
    private Long longPowerFailures;
    private List<PowerFailure> failureLog;
    private String textMessage;
    private String textMessageCode;
    private BigDecimal averageDemand;
    private PeakDemand maxDemandMonth;
    private List<PeakDemand> maxDemandHistory;
    /** The per-phase values, {@link #PER_PHASE} for each phase; made with the first phase line. */
    private Object[] phaseValues;
    /** Bit {@code p} set: phase {@code p + 1} is in the telegram. */
    private int phasesSent;
    private MBusAssembler mbus;

    /**
     * Puts a value {@link FieldReader#read} gave into the telegram.
     *
     * @return false for {@link FieldReader#NOT_TYPED}: the caller lists the code as unknown
     */
    boolean store(int field, int a, int bGroup, Object value) {
        if (value == FieldReader.NOT_TYPED) {
            return false;
        }
        if (value == FieldReader.EMPTY) {
            // known, left empty; an M-Bus channel that sends "()" still is a device on the bus
            if (a == 0 && bGroup > 0) {
                mbus().present(bGroup);
            }
            return true;
        }
        Object v = value == FieldReader.NONE ? null : value;
        int kind = ObisField.kind(field);
        if (kind >= ObisField.MBUS_DEVICE_TYPE) {
            mbus().store(kind, bGroup, v);
        } else if (kind >= ObisField.PHASE_POWER_IMPORT) {
            storePhase(kind, ObisField.phase(field) - 1, v);
        } else if (kind >= ObisField.IMPORT_T1) {
            storeElectricity(kind, v);
        } else {
            storeAbstract(kind, v);
        }
        return true;
    }

    /**
     * What a line whose value {@link FieldReader#read} rejected still means: the phase or M-Bus channel
     * it names is in the telegram.
     */
    void readFailed(int field, int bGroup) {
        int kind = ObisField.kind(field);
        if (kind >= ObisField.MBUS_DEVICE_TYPE) {
            mbus().present(bGroup);
        } else if (kind >= ObisField.PHASE_POWER_IMPORT) {
            phase(ObisField.phase(field) - 1);
        }
    }

    private void storeAbstract(int kind, Object v) {
        switch (kind) {
            case ObisField.TIMESTAMP -> timestamp = (OffsetDateTime) v;
            case ObisField.EQUIPMENT_ID -> equipmentId((String) v, 3);
            case ObisField.EQUIPMENT_ID_LU -> equipmentId((String) v, 2);
            case ObisField.EQUIPMENT_ID_OLD -> equipmentId((String) v, 1);
            case ObisField.EMUCS_VERSION -> emucsVersion = (String) v;
            case ObisField.TARIFF_INDICATOR -> tariff = (Integer) v;
            case ObisField.POWER_FAILURES -> powerFailures = (Long) v;
            case ObisField.LONG_POWER_FAILURES -> longPowerFailures = (Long) v;
            case ObisField.TEXT_MESSAGE -> textMessage = (String) v;
            case ObisField.TEXT_MESSAGE_CODE -> textMessageCode = (String) v;
            case ObisField.MAX_DEMAND_HISTORY -> maxDemandHistory = cast(v);
            default -> p1Version = (String) v; // P1_VERSION, the only other kind FieldReader types
        }
    }

    private void storeElectricity(int kind, Object v) {
        switch (kind) {
            case ObisField.IMPORT_T1 -> importT1 = (BigDecimal) v;
            case ObisField.IMPORT_T2 -> importT2 = (BigDecimal) v;
            case ObisField.EXPORT_T1 -> exportT1 = (BigDecimal) v;
            case ObisField.EXPORT_T2 -> exportT2 = (BigDecimal) v;
            case ObisField.IMPORT_TOTAL -> importTotal = (BigDecimal) v;
            case ObisField.EXPORT_TOTAL -> exportTotal = (BigDecimal) v;
            case ObisField.POWER_IMPORT -> powerImport = (BigDecimal) v;
            case ObisField.POWER_EXPORT -> powerExport = (BigDecimal) v;
            case ObisField.REACTIVE_IMPORT_TOTAL -> reactiveImportTotal = (BigDecimal) v;
            case ObisField.REACTIVE_EXPORT_TOTAL -> reactiveExportTotal = (BigDecimal) v;
            case ObisField.CURRENT_AVERAGE_DEMAND -> averageDemand = (BigDecimal) v;
            case ObisField.MAX_DEMAND_MONTH -> maxDemandMonth = (PeakDemand) v;
            default -> failureLog = cast(v); // FAILURE_LOG, the only other kind FieldReader types
        }
    }

    private void storePhase(int kind, int phase, Object v) {
        int quantity = switch (kind) {
            case ObisField.PHASE_VOLTAGE -> 0;
            case ObisField.PHASE_CURRENT -> 1;
            case ObisField.PHASE_POWER_IMPORT -> 2;
            case ObisField.PHASE_POWER_EXPORT -> 3;
            case ObisField.PHASE_SAGS -> 4;
            default -> 5; // swells
        };
        phase(phase)[phase * PER_PHASE + quantity] = v;
    }

    /** The phase values, with phase {@code phase} (0-2) marked as in the telegram. */
    private Object[] phase(int phase) {
        if (phaseValues == null) {
            phaseValues = new Object[PHASES * PER_PHASE];
        }
        phasesSent |= 1 << phase;
        return phaseValues;
    }

    private MBusAssembler mbus() {
        if (mbus == null) {
            mbus = new MBusAssembler();
        }
        return mbus;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }

    private void equipmentId(String id, int rank) {
        if (rank > equipmentIdRank) {
            equipmentId = id;
            equipmentIdRank = rank;
        }
    }

    Telegram build(String header, String manufacturer, CrcStatus crc, Map<String, List<String>> obis, List<String> unknown,
            List<FieldError> errors) {
        // obis is a RawObis: read-only, materialised on first use
        return new Telegram(header, manufacturer, p1Version, emucsVersion, timestamp, equipmentId,
                importT1, importT2, exportT1, exportT2, importTotal, exportTotal, powerImport, powerExport, tariff,
                reactiveImportTotal, reactiveExportTotal, powerFailures, longPowerFailures, failureLog, textMessage,
                textMessageCode, phaseReadings(), mbus == null ? null : mbus.devices(), mbus == null ? null : mbus.gas(),
                averageDemand, maxDemandMonth, maxDemandHistory, crc, obis, unknown.isEmpty() ? null : List.copyOf(unknown),
                errors.isEmpty() ? null : List.copyOf(errors));
    }

    private List<PhaseReadings> phaseReadings() {
        return switch (phasesSent) {
            case 0 -> null;
            case 0b111 -> List.of(phaseReadings(0), phaseReadings(1), phaseReadings(2));
            case 0b001, 0b010, 0b100 -> List.of(phaseReadings(Integer.numberOfTrailingZeros(phasesSent)));
            default -> List.of(phaseReadings(Integer.numberOfTrailingZeros(phasesSent)), phaseReadings(31 - Integer.numberOfLeadingZeros(phasesSent)));
        };
    }

    private PhaseReadings phaseReadings(int phase) {
        Object[] p = phaseValues;
        int at = phase * PER_PHASE;
        return new PhaseReadings(phase + 1, (BigDecimal) p[at], (BigDecimal) p[at + 1], (BigDecimal) p[at + 2], (BigDecimal) p[at + 3],
                (Long) p[at + 4], (Long) p[at + 5]);
    }

    /** The IEC 62056-21 manufacturer flag: the three characters after {@code /}. */
    static String manufacturer(String header) {
        return header.length() >= 4 ? header.substring(1, 4) : null;
    }
}
