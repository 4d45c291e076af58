package org.p1iota.iota.envelope;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DenseTrytesTest {

    private final Random random = new Random(20261125);

    @Test
    void sixteenBytesTakeTwentySevenTrytes() {
        assertThat(DenseTrytes.trytesFor(16)).isEqualTo(27);
        assertThat(DenseTrytes.trytesFor(48)).isEqualTo(81);
        assertThat(DenseTrytes.encode(new byte[16])).isEqualTo("9".repeat(27));
        // 2^128 - 1 in base 27 starts with digit 20 (T): 27^27 only just exceeds 2^128
        assertThat(DenseTrytes.encode(filled(16, 0xff))).startsWith("T").hasSize(27);
    }

    @Test
    void smallValuesAreBase27MostSignificantFirst() {
        assertThat(DenseTrytes.encode(new byte[] {0})).isEqualTo("99");
        assertThat(DenseTrytes.encode(new byte[] {1})).isEqualTo("9A");
        assertThat(DenseTrytes.encode(new byte[] {27})).isEqualTo("A9");
        assertThat(DenseTrytes.encode(new byte[] {(byte) 255})).isEqualTo("IL"); // 9 * 27 + 12
        assertThat(DenseTrytes.encode(new byte[] {1, 0})).isEqualTo("99IM"); // 256 = 9 * 27 + 13
    }

    @Test
    void everyLengthRoundTrips() throws EnvelopeException {
        for (int length = 0; length <= 200; length++) {
            for (byte[] bytes : new byte[][] {randomBytes(length), new byte[length], filled(length, 0xff)}) {
                String trytes = DenseTrytes.encode(bytes);
                assertThat(trytes).hasSize(DenseTrytes.trytesFor(length)).matches("[9A-Z]*");
                assertThat(DenseTrytes.decode(trytes)).isEqualTo(bytes);
            }
        }
    }

    @Test
    void trytesForIsTheDensestWholeChunkEncoding() {
        // t(k) is the least t with 27^t >= 256^k, for the final partial chunk
        int[] expected = {0, 2, 4, 6, 7, 9, 11, 12, 14, 16, 17, 19, 21, 22, 24, 26, 27};
        for (int k = 0; k <= 16; k++) {
            assertThat(DenseTrytes.trytesFor(k)).as("%d bytes", k).isEqualTo(expected[k]);
        }
    }

    @Test
    void maxBytesInIsTheLargestThatFits() {
        for (int trytes = 0; trytes <= 5000; trytes++) {
            int max = DenseTrytes.maxBytesIn(trytes);
            assertThat(DenseTrytes.trytesFor(max)).isLessThanOrEqualTo(trytes);
            assertThat(DenseTrytes.trytesFor(max + 1)).isGreaterThan(trytes);
        }
    }

    @Test
    void refusesLengthsNoByteStringHas() {
        for (String trytes : new String[] {"9", "999", "99999", "9".repeat(27 + 1), "9".repeat(27 + 5)}) {
            assertThatThrownBy(() -> DenseTrytes.decode(trytes)).isInstanceOf(EnvelopeException.class)
                    .hasMessageContaining("no byte string has");
        }
    }

    @Test
    void refusesCharactersThatAreNotTrytes() {
        for (String trytes : new String[] {"9a", "A-", "0A", "  ", "9\u00c9"}) {
            assertThatThrownBy(() -> DenseTrytes.decode(trytes)).isInstanceOf(EnvelopeException.class)
                    .hasMessageContaining("not a tryte");
        }
    }

    @Test
    void refusesValuesTooLargeForTheirChunkSoEveryByteStringHasOneForm() {
        assertThatThrownBy(() -> DenseTrytes.decode("JA")).isInstanceOf(EnvelopeException.class); // 271 > 255
        assertThatThrownBy(() -> DenseTrytes.decode("Z".repeat(27))).isInstanceOf(EnvelopeException.class);
        assertThatThrownBy(() -> DenseTrytes.decode("9".repeat(27) + "ZZ")).isInstanceOf(EnvelopeException.class)
                .hasMessageContaining("at 27");
    }

    @Test
    void randomTrytesEitherDecodeToTheirOneByteFormOrAreRefused() {
        int decoded = 0;
        for (int i = 0; i < 2000; i++) {
            int length = random.nextInt(120);
            StringBuilder trytes = new StringBuilder();
            for (int j = 0; j < length; j++) {
                trytes.append(DenseTrytes.ALPHABET.charAt(random.nextInt(27)));
            }
            try {
                byte[] bytes = DenseTrytes.decode(trytes);
                assertThat(DenseTrytes.encode(bytes)).isEqualTo(trytes.toString());
                decoded++;
            } catch (EnvelopeException e) {
                assertThat(e.reason()).isEqualTo(EnvelopeException.Reason.MALFORMED);
            }
        }
        assertThat(decoded).isPositive();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
