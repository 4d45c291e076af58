package org.p1iota.iota.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class PascalTest {

    @Test
    void writesTheMamJsFormAndReadsBothReferenceForms() throws MamException {
        assertThat(Pascal.encode(54)).containsExactly(0, 0, 0, -1, 1, 0, 1, 0);
        int[] rust = {0, 0, 0, -1, 1, 0, 0, 0};
        assertThat(Pascal.decode(rust, 0, rust.length)).isEqualTo(new Pascal.Decoded(54, 8));
        assertThat(Pascal.encode(0)).containsExactly(1, 0, 0, -1);
    }

    @Test
    void roundTripsEveryValueUpToTheMessageLimitSampled() throws MamException {
        for (long v = 0; v <= 3 * MamTrytes.MAX_MESSAGE_TRYTES; v += (v < 2000 ? 1 : 97)) {
            int[] encoded = Pascal.encode(v);
            int[] padded = new int[encoded.length + 5];
            System.arraycopy(encoded, 0, padded, 0, encoded.length);
            assertThat(Pascal.decode(padded, 0, padded.length)).as("value " + v).isEqualTo(new Pascal.Decoded(v, encoded.length));
        }
    }

    @Test
    void theLargestAcceptedFieldStillFitsALong() throws MamException {
        // twelve trytes of 13 (M), the last one terminating, flags 0: about 7.6e16
        int[] field = Trits.fromTrytes("MMMMMMMMMMMM" + "9999");
        for (int i = 0; i < 33; i++) {
            field[i] = -field[i]; // all but the last tryte must be <= 0
        }
        Pascal.Decoded decoded = Pascal.decode(field, 0, field.length);
        assertThat(decoded.length()).isEqualTo(48);
        assertThat(decoded.value()).isPositive();
    }

    @Test
    void neverReadsPastTheEnd() {
        int[] zeros = new int[3000];
        MamException e = catchThrowableOfType(MamException.class, () -> Pascal.decode(zeros, 0, zeros.length));
        assertThat(e.reason()).isEqualTo(MamException.Reason.PASCAL_UNTERMINATED);
        int[] noFlags = {1, 1, 1, 1, 0, 0};
        MamException cut = catchThrowableOfType(MamException.class, () -> Pascal.decode(noFlags, 3, 6));
        assertThat(cut.reason()).isEqualTo(MamException.Reason.OUT_OF_BOUNDS);
    }
}
