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
        BigDecimal common = common(b, start, end, unit, null);
        if (common != null) {
            return common;
        }
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
        BigDecimal common = common(b, start, end, unit, thousandth);
        if (common != null) {
            return common;
        }
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

    /**
     * The shape nearly every meter sends, {@code 000123.456*kWh}, read in one forward pass: up to 18
     * digits with at most one point, {@code *}, then the expected unit (or its thousandth). Null for
     * any other shape, which the general path then reads (and reports, when it is wrong) as before;
     * for this shape both paths give the same value.
     */
    private static BigDecimal common(byte[] b, int start, int end, String unit, String thousandth) {
        long unscaled = 0;
        int dot = -1;
        int i = start;
        int stop = Math.min(end, start + 19);
        for (; i < stop; i++) {
            int digit = b[i] - '0';
            if (Integer.compareUnsigned(digit, 9) <= 0) {
                unscaled = unscaled * 10 + digit;
            } else if (b[i] == '.' && dot < 0) {
                dot = i;
            } else {
                break;
            }
        }
        int length = i - start;
        if (i == stop || b[i] != '*' || length > 18 || length == (dot < 0 ? 0 : 1)) {
            return null;
        }
        BigDecimal value = BigDecimal.valueOf(unscaled, dot < 0 ? 0 : i - dot - 1);
        if (ValueReader.unitIs(b, i + 1, end, unit)) {
            return value;
        }
        return thousandth != null && ValueReader.unitIs(b, i + 1, end, thousandth) ? value.movePointLeft(3) : null;
    }

    private static FieldProblem wrongUnit(byte[] b, int start, int end, String expected) {
        return new FieldProblem("unit " + ValueReader.unit(b, start, end) + " where " + expected + " belongs");
    }
}
