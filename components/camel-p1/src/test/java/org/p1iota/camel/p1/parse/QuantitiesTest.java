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
