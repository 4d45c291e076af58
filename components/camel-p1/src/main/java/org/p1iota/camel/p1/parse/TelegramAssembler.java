package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.p1iota.camel.p1.frame.CrcStatus;
import org.p1iota.camel.p1.model.FieldError;
import org.p1iota.camel.p1.model.PeakDemand;
import org.p1iota.camel.p1.model.PhaseReadings;
import org.p1iota.camel.p1.model.PowerFailure;
import org.p1iota.camel.p1.model.Telegram;

/**
 * Turns the lines of one telegram into the typed fields of a {@link Telegram}. One instance per
 * parser, {@link #reset} before each telegram: its working state is plain fields and arrays, so a
 * telegram costs the objects of its model and nothing more. Energy and power are normalised to kWh and
 * kW (meters that count in Wh and W are scaled), so {@code 2.027*W} never reads as 2.027 kW.
 */
final class TelegramAssembler {

    private static final int PHASES = 3;

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
    // per phase (index 0-2), each becomes a PhaseReadings when the phase sent anything
    private final BigDecimal[] voltages = new BigDecimal[PHASES];
    private final BigDecimal[] currents = new BigDecimal[PHASES];
    private final BigDecimal[] phaseImports = new BigDecimal[PHASES];
    private final BigDecimal[] phaseExports = new BigDecimal[PHASES];
    private final Long[] sags = new Long[PHASES];
    private final Long[] swells = new Long[PHASES];
    private final boolean[] phaseSent = new boolean[PHASES];
    private boolean anyPhase;
    private final Timestamps timestamps;
    private final MBusAssembler mbus;

    /** @param timestamps the parser's timestamp cache */
    TelegramAssembler(Timestamps timestamps) {
        this.timestamps = timestamps;
        this.mbus = new MBusAssembler(timestamps);
    }

    /** Forgets the previous telegram. */
    void reset() {
        p1Version = null;
        emucsVersion = null;
        timestamp = null;
        equipmentId = null;
        equipmentIdRank = 0;
        importT1 = null;
        importT2 = null;
        exportT1 = null;
        exportT2 = null;
        importTotal = null;
        exportTotal = null;
        powerImport = null;
        powerExport = null;
        tariff = null;
        reactiveImportTotal = null;
        reactiveExportTotal = null;
        powerFailures = null;
        longPowerFailures = null;
        failureLog = null;
        textMessage = null;
        textMessageCode = null;
        averageDemand = null;
        maxDemandMonth = null;
        maxDemandHistory = null;
        if (anyPhase) {
            anyPhase = false;
            for (int i = 0; i < PHASES; i++) {
                voltages[i] = null;
                currents[i] = null;
                phaseImports[i] = null;
                phaseExports[i] = null;
                sags[i] = null;
                swells[i] = null;
                phaseSent[i] = false;
            }
        }
        mbus.reset();
    }

    /** {@link #read} result: the line is {@code ()}, the meter has no value for the object. */
    static final Object EMPTY = new Object();
    /** {@link #read} result: this parser has no typed field for the line (it is kept raw, its code listed as unknown). */
    static final Object NOT_TYPED = new Object();
    /** {@link #read} result: the value means "none" (a placeholder date, an empty text): the field is null. */
    static final Object NONE = new Object();

    /**
     * Reads a line's value into what its field holds (a {@code BigDecimal}, a time, a text, a record or a
     * list of them), from the line alone: the result is immutable and depends on nothing but the code
     * and the value bytes, so a parser can keep it for a line that comes again unchanged. Never null:
     * {@link #NONE}, {@link #EMPTY} or {@link #NOT_TYPED} stand for those cases.
     *
     * @param field the line's {@link ObisField}
     * @param cde   the code's C.D.E groups ({@link ObisKeys#key})
     * @param code  the line's OBIS code as text; only given for M-Bus lines (readings carry it)
     */
    Object read(int field, int cde, String code, Values v) throws FieldProblem {
        int n = v.count();
        if (n == 0) {
            return NOT_TYPED;
        }
        if (n == 1 && v.isEmpty(0) && cde != ObisKeys.FAILURE_LOG) {
            return EMPTY;
        }
        int kind = ObisField.kind(field);
        Object value;
        if (kind >= ObisField.MBUS_DEVICE_TYPE) {
            value = mbus.read(kind, code, v);
        } else if (kind >= ObisField.PHASE_POWER_IMPORT) {
            value = perPhase(kind, v);
        } else {
            value = kind >= ObisField.IMPORT_T1 ? electricity(kind, v) : abstractObject(kind, v);
        }
        return value == null ? NONE : value;
    }

    /**
     * What a line whose value {@link #read} rejected still means: the phase or M-Bus channel it names is
     * in the telegram.
     */
    void readFailed(int field, int bGroup) {
        int kind = ObisField.kind(field);
        if (kind >= ObisField.MBUS_DEVICE_TYPE) {
            mbus.present(bGroup);
        } else if (kind >= ObisField.PHASE_POWER_IMPORT) {
            markPhase(ObisField.phase(field) - 1);
        }
    }

    /**
     * Puts a value {@link #read} gave into the telegram.
     *
     * @return false for {@link #NOT_TYPED}: the caller lists the code as unknown
     */
    boolean store(int field, int a, int bGroup, Object value) {
        if (value == NOT_TYPED) {
            return false;
        }
        if (value == EMPTY) {
            // known, left empty; an M-Bus channel that sends "()" still is a device on the bus
            if (a == 0 && bGroup > 0) {
                mbus.present(bGroup);
            }
            return true;
        }
        Object v = value == NONE ? null : value;
        int kind = ObisField.kind(field);
        if (kind >= ObisField.MBUS_DEVICE_TYPE) {
            mbus.store(kind, bGroup, v);
        } else if (kind >= ObisField.PHASE_POWER_IMPORT) {
            storePhase(kind, ObisField.phase(field) - 1, v);
        } else if (kind >= ObisField.IMPORT_T1) {
            storeElectricity(kind, v);
        } else {
            storeAbstract(kind, v);
        }
        return true;
    }

    private Object abstractObject(int kind, Values v) throws FieldProblem {
        byte[] b = v.b;
        int s = v.start(0);
        int e = v.end(0);
        return switch (kind) {
            case ObisField.TIMESTAMP -> timestamps.read(b, s, e);
            case ObisField.EQUIPMENT_ID, ObisField.EQUIPMENT_ID_LU, ObisField.EQUIPMENT_ID_OLD -> v.hexText(0);
            case ObisField.EMUCS_VERSION, ObisField.P1_VERSION -> v.text(0);
            case ObisField.TARIFF_INDICATOR -> (int) ValueReader.integer(b, s, e);
            case ObisField.POWER_FAILURES, ObisField.LONG_POWER_FAILURES -> ValueReader.integer(b, s, e);
            case ObisField.TEXT_MESSAGE, ObisField.TEXT_MESSAGE_CODE -> emptyToNull(v.hexText(0));
            // Austrian meters use 98.1.0 for billing values
            case ObisField.MAX_DEMAND_HISTORY -> isDemandHistory(v) ? demandHistory(v) : NOT_TYPED;
            default -> NOT_TYPED;
        };
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
            default -> p1Version = (String) v; // P1_VERSION, the only other kind read() types
        }
    }

    private Object electricity(int kind, Values v) throws FieldProblem {
        byte[] b = v.b;
        int s = v.start(0);
        int e = v.end(0);
        return switch (kind) {
            case ObisField.IMPORT_T1, ObisField.IMPORT_T2, ObisField.EXPORT_T1, ObisField.EXPORT_T2, ObisField.IMPORT_TOTAL,
                    ObisField.EXPORT_TOTAL -> Quantities.energy(b, s, e);
            case ObisField.POWER_IMPORT, ObisField.POWER_EXPORT, ObisField.CURRENT_AVERAGE_DEMAND -> Quantities.power(b, s, e);
            case ObisField.REACTIVE_IMPORT_TOTAL, ObisField.REACTIVE_EXPORT_TOTAL -> Quantities.reactiveEnergy(b, s, e);
            case ObisField.MAX_DEMAND_MONTH -> v.count() < 2 ? null
                    : PeakDemand.of(timestamps.read(b, s, e), Quantities.power(b, v.start(1), v.end(1)));
            case ObisField.FAILURE_LOG -> failureLog(v);
            default -> NOT_TYPED;
        };
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
            default -> failureLog = cast(v); // FAILURE_LOG, the only other kind read() types
        }
    }

    private static Object perPhase(int kind, Values v) throws FieldProblem {
        byte[] b = v.b;
        int s = v.start(0);
        int e = v.end(0);
        return switch (kind) {
            case ObisField.PHASE_POWER_IMPORT, ObisField.PHASE_POWER_EXPORT -> Quantities.power(b, s, e);
            case ObisField.PHASE_CURRENT -> Quantities.plain(b, s, e, "A");
            case ObisField.PHASE_VOLTAGE -> Quantities.plain(b, s, e, "V");
            default -> ValueReader.integer(b, s, e); // sags, swells
        };
    }

    private void storePhase(int kind, int phase, Object v) {
        markPhase(phase);
        switch (kind) {
            case ObisField.PHASE_POWER_IMPORT -> phaseImports[phase] = (BigDecimal) v;
            case ObisField.PHASE_POWER_EXPORT -> phaseExports[phase] = (BigDecimal) v;
            case ObisField.PHASE_CURRENT -> currents[phase] = (BigDecimal) v;
            case ObisField.PHASE_VOLTAGE -> voltages[phase] = (BigDecimal) v;
            case ObisField.PHASE_SAGS -> sags[phase] = (Long) v;
            default -> swells[phase] = (Long) v;
        }
    }

    /** The phase is in the telegram once one of its lines is, even when that line's value was rejected. */
    private void markPhase(int phase) {
        phaseSent[phase] = true;
        anyPhase = true;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }

    /** {@code 1-0:99.97.0(count)(0-0:96.7.19)(end)(duration*s)...}; an empty {@code ()} is an empty log. */
    private List<PowerFailure> failureLog(Values v) throws FieldProblem {
        byte[] b = v.b;
        PowerFailure[] log = new PowerFailure[Math.max(0, (v.count() - 2) / 2)];
        for (int i = 2; i + 1 < v.count(); i += 2) {
            int star = ValueReader.unitSeparator(b, v.start(i + 1), v.end(i + 1));
            int end = star < 0 ? v.end(i + 1) : star;
            if (star >= 0 && !ValueReader.unitIs(b, ValueReader.unitStart(b, star), v.end(i + 1), "s")) {
                throw new FieldProblem("power failure duration is not in seconds");
            }
            log[i / 2 - 1] = new PowerFailure(timestamps.read(b, v.start(i), v.end(i)), ValueReader.integer(b, v.start(i + 1), end));
        }
        return List.of(log);
    }

    /** {@code 0-0:98.1.0(count)(1-0:1.6.0)(1-0:1.6.0)(period)(time)(power*kW)...}. */
    private List<PeakDemand> demandHistory(Values v) throws FieldProblem {
        byte[] b = v.b;
        List<PeakDemand> history = new ArrayList<>();
        for (int i = 3; i + 2 < v.count(); i += 3) {
            history.add(new PeakDemand(timestamps.read(b, v.start(i), v.end(i)),
                    timestamps.read(b, v.start(i + 1), v.end(i + 1)), Quantities.power(b, v.start(i + 2), v.end(i + 2))));
        }
        return List.copyOf(history);
    }

    private static boolean isDemandHistory(Values v) {
        return v.count() == 1 || v.count() >= 3 && v.endsWith(1, ":1.6.0");
    }

    private void equipmentId(String id, int rank) {
        if (rank > equipmentIdRank) {
            equipmentId = id;
            equipmentIdRank = rank;
        }
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    Telegram build(String header, String manufacturer, CrcStatus crc, Map<String, List<String>> obis, List<String> unknown,
            List<FieldError> errors) {
        // obis is a RawObis: read-only, materialised on first use
        return new Telegram(header, manufacturer, p1Version, emucsVersion, timestamp, equipmentId,
                importT1, importT2, exportT1, exportT2, importTotal, exportTotal, powerImport, powerExport, tariff,
                reactiveImportTotal, reactiveExportTotal, powerFailures, longPowerFailures, failureLog, textMessage,
                textMessageCode, phaseReadings(), mbus.devices(), mbus.gas(), averageDemand, maxDemandMonth,
                maxDemandHistory, crc, obis, unknown.isEmpty() ? null : List.copyOf(unknown),
                errors.isEmpty() ? null : List.copyOf(errors));
    }

    private List<PhaseReadings> phaseReadings() {
        if (!anyPhase) {
            return null;
        }
        if (phaseSent[0] && phaseSent[1] && phaseSent[2]) {
            return List.of(phase(0), phase(1), phase(2));
        }
        PhaseReadings[] result = new PhaseReadings[PHASES];
        int count = 0;
        for (int i = 0; i < PHASES; i++) {
            if (phaseSent[i]) {
                result[count++] = phase(i);
            }
        }
        return List.of(Arrays.copyOf(result, count));
    }

    private PhaseReadings phase(int i) {
        return new PhaseReadings(i + 1, voltages[i], currents[i], phaseImports[i], phaseExports[i], sags[i], swells[i]);
    }

    /** The IEC 62056-21 manufacturer flag: the three characters after {@code /}. */
    static String manufacturer(String header) {
        return header.length() >= 4 ? header.substring(1, 4) : null;
    }
}
