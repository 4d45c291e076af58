package org.p1iota.iota.mam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.iota.jota.pow.ICurl;
import org.iota.jota.pow.SpongeFactory;
import org.iota.jota.utils.Converter;
import org.junit.jupiter.api.Test;
import org.p1iota.iota.curl.SlicedCurl;

/** The project's own Curl-P sponges against jota's, and the bit-sliced one against the scalar one. */
class CurlPTest {

    private final Random random = new Random(7);

    private int[] randomTrits(int length) {
        int[] trits = new int[length];
        for (int i = 0; i < length; i++) {
            trits[i] = random.nextInt(3) - 1;
        }
        return trits;
    }

    @Test
    void scalarCurlEqualsJotaForBothRoundCounts() {
        for (int length : new int[] {1, 12, 243, 300, 486, 1000}) {
            int[] input = randomTrits(length);
            for (SpongeFactory.Mode mode : new SpongeFactory.Mode[] {SpongeFactory.Mode.CURL_P27, SpongeFactory.Mode.CURL_P81}) {
                ICurl jota = SpongeFactory.create(mode);
                jota.absorb(input, 0, input.length);
                int[] expected = new int[243];
                jota.squeeze(expected, 0, 243);
                int rounds = mode == SpongeFactory.Mode.CURL_P27 ? CurlP.ROUNDS_27 : CurlP.ROUNDS_81;
                assertThat(new CurlP(rounds).absorb(input).rate()).as(mode + " " + length).isEqualTo(expected);
            }
        }
    }

    @Test
    void slicedCurlEqualsScalarCurlInEveryLane() {
        SlicedCurl sliced = new SlicedCurl();
        int[][] states = new int[SlicedCurl.LANES][];
        for (int lane = 0; lane < SlicedCurl.LANES; lane++) {
            states[lane] = randomTrits(CurlP.STATE);
            sliced.setLane(lane, states[lane], 0, CurlP.STATE);
        }
        sliced.transform();
        for (int lane = 0; lane < SlicedCurl.LANES; lane++) {
            CurlP scalar = CurlP.p27();
            scalar.setState(states[lane]);
            scalar.transform();
            int[] expected = scalar.copyState();
            for (int i = 0; i < CurlP.STATE; i++) {
                assertThat(sliced.get(lane, i)).as("lane " + lane + " trit " + i).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void hashChainsMatchRepeatedHashing() {
        int[] steps = {0, 1, 2, 26, 27, 5, 13};
        int[] inputs = randomTrits(steps.length * 243);
        int[] ends = HashChains.run(inputs, steps);
        for (int k = 0; k < steps.length; k++) {
            int[] value = java.util.Arrays.copyOfRange(inputs, k * 243, (k + 1) * 243);
            for (int s = 0; s < steps[k]; s++) {
                value = CurlP.hash(value);
            }
            assertThat(java.util.Arrays.copyOfRange(ends, k * 243, (k + 1) * 243)).as("chain " + k).isEqualTo(value);
        }
    }

    @Test
    void trytesRoundTripLikeJota() {
        String trytes = "AZ9NMBQX";
        assertThat(Trits.fromTrytes(trytes)).isEqualTo(Converter.trits(trytes));
        assertThat(Trits.toTrytes(Converter.trits(trytes))).isEqualTo(trytes);
    }
}
