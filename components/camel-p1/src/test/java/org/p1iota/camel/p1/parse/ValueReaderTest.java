package org.p1iota.camel.p1.parse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The byte-level readers agree with {@link BigDecimal}'s own parsing and reject what is not a value. */
class ValueReaderTest {

    @Test
    void decimalsKeepTheirScaleAndSign() throws Exception {
        for (String text : new String[] {"000123.456", "-063", "0", "12.", ".5", "-0.000", "999999999999999999", "00000000000000001.5",
                "1234567890123456789.25", "-00000000000000000000042"}) {
            assertThat(decimal(text)).as(text).isEqualTo(new BigDecimal(text.endsWith(".") ? text + "0" : text).setScale(scale(text)));
        }
    }

    @Test
    void whatIsNotADecimalIsAFieldProblem() {
        for (String text : new String[] {"", "-", ".", "-.", "1.2.3", "12a", "+5", "1 2", "0x12", "12345678901234567.8.9"}) {
            assertThatThrownBy(() -> decimal(text)).as(text).isInstanceOf(FieldProblem.class);
        }
    }

    @Test
    void wholeNumbersAreDigitsOnly() throws Exception {
        byte[] digits = "000123".getBytes(StandardCharsets.US_ASCII);
        assertThat(ValueReader.integer(digits, 0, digits.length)).isEqualTo(123);
        for (String text : new String[] {"", "12/", "-1", "1.0", "9".repeat(19)}) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> ValueReader.integer(bytes, 0, bytes.length)).as(text).isInstanceOf(FieldProblem.class);
        }
    }

    @Test
    void hexTextIsDecodedOnlyWhenPrintable() {
        assertThat(hexText("4530303334")).isEqualTo("E0034");
        assertThat(hexText("4a4B")).isEqualTo("JK");
        assertThat(hexText("621848012D2C0B0C")).isEqualTo("621848012D2C0B0C"); // decodes to control characters
        assertThat(hexText("453")).isEqualTo("453");
        assertThat(hexText("45G0")).isEqualTo("45G0");
        assertThat(hexText("")).isEmpty();
    }

    private static BigDecimal decimal(String text) throws FieldProblem {
        byte[] bytes = ("(" + text + ")").getBytes(StandardCharsets.ISO_8859_1);
        return ValueReader.decimal(bytes, 1, bytes.length - 1);
    }

    private static String hexText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return ValueReader.hexText(bytes, 0, bytes.length);
    }

    private static int scale(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? 0 : text.length() - dot - 1;
    }
}
