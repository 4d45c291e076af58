package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.p1iota.camel.p1.model.PeakDemand;
import org.p1iota.camel.p1.model.PowerFailure;
import org.p1iota.camel.p1.model.Reading;

/**
 * Reads an OBIS line's value into what its field of the model holds: a {@code BigDecimal}, a time, a
 * text, a record or a list of them. Energy and power are normalised to kWh and kW (meters that count in
 * Wh and W are scaled), so {@code 2.027*W} never reads as 2.027 kW.
 * <p>
 * A result depends on nothing but the line's code and value bytes and is immutable;
 * {@link TelegramAssembler} puts it into the telegram. One per parser: it keeps the calendar dates of
 * recent timestamps ({@link MeterDates}), which every meter's telegram of the day shares.
 */
final class FieldReader {

    /** The line is {@code ()}: the meter has no value for the object. */
    static final Object EMPTY = new Object();
    /** This parser has no typed field for the line (it is kept raw, its code listed as unknown). */
    static final Object NOT_TYPED = new Object();
    /** The value means "none" (a placeholder date, an empty text): the field is null. */
    static final Object NONE = new Object();

    private final MeterDates dates = new MeterDates();

    /**
     * The value of a line; never null: {@link #NONE}, {@link #EMPTY} or {@link #NOT_TYPED} stand for
     * those cases.
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
            value = mbus(kind, code, v);
        } else if (kind >= ObisField.PHASE_POWER_IMPORT) {
            value = perPhase(kind, v);
        } else {
            value = kind >= ObisField.IMPORT_T1 ? electricity(kind, v) : abstractObject(kind, v);
        }
        return value == null ? NONE : value;
    }

    private Object abstractObject(int kind, Values v) throws FieldProblem {
        byte[] b = v.b;
        int s = v.start(0);
        int e = v.end(0);
        return switch (kind) {
            case ObisField.TIMESTAMP -> timestamp(b, s, e);
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
                    : PeakDemand.of(timestamp(b, s, e), Quantities.power(b, v.start(1), v.end(1)));
            case ObisField.FAILURE_LOG -> failureLog(v);
            default -> NOT_TYPED;
        };
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

    private Object mbus(int kind, String code, Values v) throws FieldProblem {
        byte[] b = v.b;
        int n = v.count();
        return switch (kind) {
            case ObisField.MBUS_DEVICE_TYPE, ObisField.MBUS_VALVE -> (int) ValueReader.integer(b, v.start(0), v.end(0));
            case ObisField.MBUS_EQUIPMENT_ID -> v.hexText(0);
            case ObisField.MBUS_PROFILE_DSMR3 -> profileReading(code, v);
            default -> n < 2 ? NOT_TYPED : reading(code, b, v.start(0), v.end(0), v.start(n - 1), v.end(n - 1));
        };
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
            log[i / 2 - 1] = new PowerFailure(timestamp(b, v.start(i), v.end(i)), ValueReader.integer(b, v.start(i + 1), end));
        }
        return List.of(log);
    }

    /** {@code 0-0:98.1.0(count)(1-0:1.6.0)(1-0:1.6.0)(period)(time)(power*kW)...}. */
    private List<PeakDemand> demandHistory(Values v) throws FieldProblem {
        byte[] b = v.b;
        List<PeakDemand> history = new ArrayList<>();
        for (int i = 3; i + 2 < v.count(); i += 3) {
            history.add(new PeakDemand(timestamp(b, v.start(i), v.end(i)),
                    timestamp(b, v.start(i + 1), v.end(i + 1)), Quantities.power(b, v.start(i + 2), v.end(i + 2))));
        }
        return List.copyOf(history);
    }

    private static boolean isDemandHistory(Values v) {
        return v.count() == 1 || v.count() >= 3 && v.endsWith(1, ":1.6.0");
    }

    /** {@code 0-n:24.2.x(timestamp)(value*unit)}. */
    private Reading reading(String code, byte[] b, int tsStart, int tsEnd, int start, int end) throws FieldProblem {
        OffsetDateTime time = timestamp(b, tsStart, tsEnd);
        int star = ValueReader.unitSeparator(b, start, end);
        if (star < 0) {
            return new Reading(code, time, ValueReader.decimal(b, start, end), null);
        }
        return new Reading(code, time, ValueReader.decimal(b, start, star), ValueReader.unit(b, ValueReader.unitStart(b, star), end));
    }

    /**
     * DSMR 2.2/3.0 {@code 0-n:24.3.0(time)(00)(60)(1)(0-n:24.2.1)(m3)} with the value on the next line:
     * the unit is the last value of the first line, the reading the last value of all.
     */
    private Reading profileReading(String code, Values v) throws FieldProblem {
        int n = v.count();
        if (n < 7) {
            throw new FieldProblem("DSMR 3 gas profile without its value line");
        }
        OffsetDateTime time = timestamp(v.b, v.start(0), v.end(0));
        BigDecimal value = ValueReader.decimal(v.b, v.start(n - 1), v.end(n - 1));
        return new Reading(code, time, value, ValueReader.unit(v.b, v.start(5), v.end(5)));
    }

    private OffsetDateTime timestamp(byte[] b, int start, int end) throws FieldProblem {
        return ValueReader.timestamp(b, start, end, dates);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
