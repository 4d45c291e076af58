package org.p1iota.camel.iota.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.iota.jota.pow.JCurl;
import org.iota.jota.pow.SpongeFactory;
import org.junit.jupiter.api.Test;

/** The bit-sliced rounds against jota's own Curl-P-81, lane by lane, for both kernels. */
class CurlRoundTest {

    /** Curl's S-box: output for (first input a, second input b) is TABLE[a + 4b + 5]. */
    private static final int[] CURL_TRUTH_TABLE = {1, 0, -1, 2, 1, -1, 0, 2, -1, 1, 0};

    static List<CurlRound> kernels() {
        List<CurlRound> kernels = new ArrayList<>();
        kernels.add(CurlRounds.scalar());
        if (CurlRounds.vectorAvailable()) {
            kernels.add(CurlRounds.vector());
        }
        return kernels;
    }

    @Test
    void testsRunWithBothKernels() {
        // surefire adds the vector module; without it half of these tests would silently not run
        assertThat(CurlRounds.vectorAvailable()).as("the JVM option --add-modules jdk.incubator.vector (surefire argLine)")
                .isTrue();
        assertThat(CurlRounds.fastest().name()).startsWith("vector-");
    }

    @Test
    void sboxMatchesCurlTruthTableForAllNineInputPairs() {
        for (CurlRound kernel : kernels()) {
            int words = kernel.wordsPerTrit();
            for (int a = -1; a <= 1; a++) {
                for (int b = -1; b <= 1; b++) {
                    // output 0 reads trit 0 (a) and trit 364 (b)
                    long[] low = new long[729 * words];
                    long[] high = new long[729 * words];
                    for (int i = 0; i < 729; i++) {
                        SlicedCurlState.setInAllLanes(low, high, words, i, 0);
                    }
                    SlicedCurlState.setInAllLanes(low, high, words, 0, a);
                    SlicedCurlState.setInAllLanes(low, high, words, 364, b);
                    long[] outLow = new long[low.length];
                    long[] outHigh = new long[low.length];
                    kernel.round(0, low, high, outLow, outHigh);
                    for (int lane = 0; lane < 64 * words; lane += 37) {
                        assertThat(SlicedCurlState.tritAt(outLow, outHigh, words, kernel.position(0, 1), lane))
                                .as("%s a=%d b=%d", kernel.name(), a, b)
                                .isEqualTo(CURL_TRUTH_TABLE[a + 4 * b + 5]);
                    }
                }
            }
        }
    }

    @Test
    void everyLaneTransformsLikeJotaCurl() {
        Random random = new Random(6);
        for (CurlRound kernel : kernels()) {
            int words = kernel.wordsPerTrit();
            int lanes = 64 * words;
            int[][] states = new int[lanes][729];
            long[] low = new long[729 * words];
            long[] high = new long[729 * words];
            for (int lane = 0; lane < lanes; lane++) {
                for (int i = 0; i < 729; i++) {
                    int trit = random.nextInt(3) - 1;
                    states[lane][i] = trit;
                    long bit = 1L << (lane & 63);
                    int word = i * words + (lane >>> 6);
                    if (trit != 1) {
                        low[word] |= bit;
                    }
                    if (trit != -1) {
                        high[word] |= bit;
                    }
                }
            }
            long[] spareLow = new long[low.length];
            long[] spareHigh = new long[low.length];
            for (int r = 0; r < 81; r++) {
                kernel.round(r, low, high, spareLow, spareHigh);
                long[] t = low;
                low = spareLow;
                spareLow = t;
                t = high;
                high = spareHigh;
                spareHigh = t;
            }
            for (int lane = 0; lane < lanes; lane++) {
                JCurl curl = (JCurl) SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
                curl.setState(states[lane].clone());
                curl.transform();
                int[] expected = curl.getState();
                for (int i = 0; i < 729; i++) {
                    assertThat(SlicedCurlState.tritAt(low, high, words, kernel.position(i, 81), lane))
                            .as("%s lane %d trit %d", kernel.name(), lane, i).isEqualTo(expected[i]);
                }
            }
        }
    }

    @Test
    void inPlaceRoundsEqualRoundsIntoAnotherState() {
        Random random = new Random(7);
        for (CurlRound kernel : kernels()) {
            if (!kernel.inPlace()) {
                continue;
            }
            int size = 729 * kernel.wordsPerTrit();
            long[] low = new long[size];
            long[] high = new long[size];
            for (int i = 0; i < size; i++) {
                low[i] = random.nextLong();
                high[i] = low[i] | random.nextLong();
            }
            long[] inPlaceLow = low.clone();
            long[] inPlaceHigh = high.clone();
            for (int r = 0; r < 81; r++) {
                long[] nextLow = new long[size];
                long[] nextHigh = new long[size];
                kernel.round(r, low, high, nextLow, nextHigh);
                low = nextLow;
                high = nextHigh;
                kernel.round(r, inPlaceLow, inPlaceHigh, inPlaceLow, inPlaceHigh);
                assertThat(inPlaceLow).as("%s round %d", kernel.name(), r).isEqualTo(low);
                assertThat(inPlaceHigh).as("%s round %d", kernel.name(), r).isEqualTo(high);
            }
        }
        assertThat(CurlRounds.vector().inPlace()).isTrue();
    }

    @Test
    void hashConeRoundsGiveTheSameCheckedTritsAsFullRounds() {
        for (CurlRound kernel : kernels()) {
            int words = kernel.wordsPerTrit();
            for (int mwm : new int[] {1, 9, 14, 40, 243}) {
                int[][] cone = HashCone.lastRounds(mwm, kernel);
                assertThat(cone.length).isBetween(1, 10);
                Random random = new Random(mwm);
                long[] fullLow = new long[729 * words];
                long[] fullHigh = new long[729 * words];
                for (int i = 0; i < fullLow.length; i++) {
                    fullLow[i] = random.nextLong();
                    fullHigh[i] = fullLow[i] | random.nextLong(); // never both bits clear
                }
                long[] coneLow = fullLow.clone();
                long[] coneHigh = fullHigh.clone();
                int roundIndex = 81 - cone.length;
                for (int[] selection : cone) {
                    long[] nextLow = new long[fullLow.length];
                    long[] nextHigh = new long[fullLow.length];
                    kernel.round(roundIndex++, fullLow, fullHigh, nextLow, nextHigh);
                    fullLow = nextLow;
                    fullHigh = nextHigh;
                    nextLow = new long[fullLow.length];
                    nextHigh = new long[fullLow.length];
                    kernel.selectedOutputs(coneLow, coneHigh, nextLow, nextHigh, selection);
                    coneLow = nextLow;
                    coneHigh = nextHigh;
                }
                for (int trit = 243 - mwm; trit < 243; trit++) {
                    for (int w = 0; w < words; w++) {
                        int i = kernel.position(trit, 81) * words + w;
                        assertThat(coneLow[i]).as("%s mwm %d trit %d", kernel.name(), mwm, trit).isEqualTo(fullLow[i]);
                        assertThat(coneHigh[i]).isEqualTo(fullHigh[i]);
                    }
                }
            }
        }
    }

    @Test
    void prefixAbsorptionMatchesJotaCurlState() {
        Random random = new Random(8);
        int[] trits = new int[243 * 32];
        for (int i = 0; i < trits.length; i++) {
            trits[i] = random.nextInt(3) - 1;
        }
        JCurl curl = (JCurl) SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
        curl.absorb(trits, 0, trits.length);
        int[] expected = curl.getState();
        for (CurlRound kernel : kernels()) {
            SlicedCurlState state = new SlicedCurlState(kernel);
            for (int block = 0; block < 32; block++) {
                state.absorbInAllLanes(trits, block * 243);
            }
            for (int i = 0; i < 729; i++) {
                assertThat(state.trit(i, 0)).isEqualTo(expected[i]);
                assertThat(state.trit(i, 64 * kernel.wordsPerTrit() - 1)).isEqualTo(expected[i]);
            }
        }
    }
}
