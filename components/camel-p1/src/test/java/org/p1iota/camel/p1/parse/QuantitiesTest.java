package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values with units: the common shape and every other one give the value (or the error) a user expects. */
class QuantitiesTest {

    @Test
    void commonShapesAndTheirScaling() throws Exception {
        assertThat(energy("012345.678*kWh")).isEqualTo(new BigDecimal("12345.678"));
        assertThat(energy("012345.678*KWH")).isEqualTo(new BigDecimal("12345.678"));
        assertThat(energy("2027*Wh")).isEqualTo(new BigDecimal("2.027"));
        assertThat(energy("000001.5*Wh")).isEqualTo(new BigDecimal("0.0015"));
        assertThat(power("00.412*kW")).isEqualTo(new BigDecimal("0.412"));
        assertThat(power("412*W")).isEqualTo(new BigDecimal("0.412"));
        assertThat(power("00.000*kW")).isEqualTo(new BigDecimal("0.000"));
        assertThat(plain("229.1*V", "V")).isEqualTo(new BigDecimal("229.1"));
        assertThat(plain("002*A", "A")).isEqualTo(new BigDecimal("2"));
        assertThat(Quantities.reactiveEnergy(bytes("5672*varh"), 1, 10)).isEqualTo(new BigDecimal("5.672"));
    }

    @Test
    void otherShapesAreReadByTheGeneralPath() throws Exception {
        assertThat(power("-01.234*kW")).isEqualTo(new BigDecimal("-1.234"));
        assertThat(energy("000123.456kWh")).isEqualTo(new BigDecimal("123.456"));
        assertThat(energy("1234567890123456789*kWh")).isEqualTo(new BigDecimal("1234567890123456789"));
        assertThat(energy("12.*kWh")).isEqualTo(new BigDecimal("12"));
    }

    @Test
    void wrongValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> power("1.5*MW")).hasMessage("unit MW where kW belongs");
        assertThatThrownBy(() -> plain("229.1*A", "V")).hasMessage("unit A where V belongs");
        assertThatThrownBy(() -> power("1.5")).hasMessage("missing unit kW");
        assertThatThrownBy(() -> power("12.3.4*kW")).hasMessage("not a number");
        assertThatThrownBy(() -> power(".*kW")).hasMessage("not a number");
        assertThatThrownBy(() -> power("*kW")).hasMessage("empty number");
        assertThatThrownBy(() -> energy("1*2*kWh")).hasMessage("not a number");
    }

    /**
     * Inside a real line (a code before the value, more lines after it) every shape and length gives
     * what it gives alone in a short array, and what {@link BigDecimal} reads: the one-pass reader of
     * the common shape and the general path agree.
     */
    @Test
    void valuesInsideALineGiveWhatTheByteLoopGives() throws Exception {
        java.util.Random random = new java.util.Random(5);
        String alphabet = "0123456789.*/:-kWh ";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder number = new StringBuilder();
            int integerDigits = random.nextInt(11);
            int fractionDigits = random.nextInt(4) == 0 ? -1 : random.nextInt(11);
            for (int i = 0; i < integerDigits; i++) {
                number.append((char) ('0' + random.nextInt(10)));
            }
            if (fractionDigits >= 0) {
                number.append('.');
                for (int i = 0; i < fractionDigits; i++) {
                    number.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(5) == 0 && number.length() > 0) { // a stray byte anywhere
                number.setCharAt(random.nextInt(number.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String unit = random.nextInt(8) == 0 ? "Wh" : random.nextInt(8) == 0 ? "kvarh" : "kWh";
            String value = number + "*" + unit;
            byte[] line = ("1-0:1.8.1(" + value + ")\r\n0-0:96.14.0(0002)\r\n").getBytes(StandardCharsets.ISO_8859_1);
            String inLine = outcome(() -> Quantities.energy(line, 10, 10 + value.length()));
            assertThat(inLine).as(value).isEqualTo(outcome(() -> energy(value)));
            if (!inLine.startsWith("!")) {
                BigDecimal expected = new BigDecimal(number.toString().endsWith(".") ? number + "0" : number.toString());
                assertThat(new BigDecimal(inLine)).as(value).isEqualByComparingTo(unit.equals("Wh") ? expected.movePointLeft(3) : expected);
            }
        }
        byte[] line = "1-0:1.8.1(00123456.12345678*kWh)\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Quantities.energy(line, 10, 31)).isEqualTo(new BigDecimal("123456.12345678"));
    }

    private interface Reading {
        BigDecimal read() throws FieldProblem;
    }

    /** The value with its scale, or {@code !} and the problem's message. */
    private static String outcome(Reading reading) {
        try {
            BigDecimal value = reading.read();
            return value.toString(); // unscaled value and scale both show: 1.50 is not 1.5
        } catch (FieldProblem e) {
            return "!" + e.getMessage();
        }
    }

    private static BigDecimal energy(String value) throws FieldProblem {
        byte[] b = bytes(value);
        return Quantities.energy(b, 1, b.length - 1);
    }

    private static BigDecimal power(String value) throws FieldProblem {
        byte[] b = bytes(value);
        return Quantities.power(b, 1, b.length - 1);
    }

    private static BigDecimal plain(String value, String unit) throws FieldProblem {
        byte[] b = bytes(value);
        return Quantities.plain(b, 1, b.length - 1, unit);
    }

    private static byte[] bytes(String value) {
        return ("(" + value + ")").getBytes(StandardCharsets.ISO_8859_1);
    }
}
