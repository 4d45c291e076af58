package org.p1iota.iota.tangle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Anything on the tangle may be any trytes: decoding reports what is no bytes with one exception type. */
class TryteCodecTest {

    @Test
    void bytesRoundTripAndAnOddCountEndsInALowByte() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (255 - i); // ends in 0, which is padding
        }
        assertThat(TryteCodec.decode(TryteCodec.encode(bytes))).containsExactly(java.util.Arrays.copyOf(bytes, 255));
        // "BAC": the last byte's high tryte (9) was cut with the padding, as a MAM message's trytes are
        assertThat(TryteCodec.decode("BAC")).containsExactly(29, 3);
    }

    @Test
    void randomTrytesEitherDecodeOrFailWithIllegalArgumentException() {
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder trytes = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                trytes.append(TryteCodec.ALPHABET.charAt(random.nextInt(27)));
            }
            try {
                TryteCodec.decode(trytes.toString());
            } catch (IllegalArgumentException expected) {
                assertThat(expected).hasMessageContaining("no byte");
            }
        }
        assertThatThrownBy(() -> TryteCodec.decode("ab")).isInstanceOf(IllegalArgumentException.class);
    }
}
