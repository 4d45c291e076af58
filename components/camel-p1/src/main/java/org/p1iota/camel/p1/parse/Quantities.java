package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;

/**
 * {@code number*unit} values checked against the unit their OBIS code requires, scaled to kWh, kW and
 * kvarh where the meter counts in Wh, W or varh.
 */
final class Quantities {

    private Quantities() {
    }

    static BigDecimal energy(byte[] b, int start, int end) throws FieldProblem {
        return scaled(b, start, end, "kWh", "Wh");
    }

    static BigDecimal power(byte[] b, int start, int end) throws FieldProblem {
        return scaled(b, start, end, "kW", "W");
    }

    static BigDecimal reactiveEnergy(byte[] b, int start, int end) throws FieldProblem {
        return scaled(b, start, end, "kvarh", "varh");
    }

    /** A value that must carry exactly {@code unit} (V, A). */
    static BigDecimal plain(byte[] b, int start, int end, String unit) throws FieldProblem {
        int star = ValueReader.unitSeparator(b, start, end);
        if (star < 0) {
            throw new FieldProblem("missing unit " + unit);
        }
        if (!ValueReader.unitIs(b, ValueReader.unitStart(b, star), end, unit)) {
            throw wrongUnit(b, ValueReader.unitStart(b, star), end, unit);
        }
        return ValueReader.decimal(b, start, star);
    }

    private static BigDecimal scaled(byte[] b, int start, int end, String unit, String thousandth) throws FieldProblem {
        int star = ValueReader.unitSeparator(b, start, end);
        if (star < 0) {
            throw new FieldProblem("missing unit " + unit);
        }
        BigDecimal value = ValueReader.decimal(b, start, star);
        if (ValueReader.unitIs(b, ValueReader.unitStart(b, star), end, unit)) {
            return value;
        }
        if (ValueReader.unitIs(b, ValueReader.unitStart(b, star), end, thousandth)) {
            return value.movePointLeft(3);
        }
        throw wrongUnit(b, ValueReader.unitStart(b, star), end, unit);
    }

    private static FieldProblem wrongUnit(byte[] b, int start, int end, String expected) {
        return new FieldProblem("unit " + ValueReader.unit(b, start, end) + " where " + expected + " belongs");
    }
}
