package org.p1iota.iota.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.iota.jota.pow.JCurl;
import org.iota.jota.pow.SpongeFactory;
import org.junit.jupiter.api.Test;
import org.p1iota.iota.curl.PackedCurl;

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

    /** Random trits in every lane of state {@code state}, returned per lane as well. */
    static int[][] randomState(SlicedStates states, int state, int words, Random random) {
        int lanes = 64 * words;
        int[][] trits = new int[lanes][729];
        int at = states.offset(state);
        for (int lane = 0; lane < lanes; lane++) {
            for (int i = 0; i < 729; i++) {
                int trit = random.nextInt(3) - 1;
                trits[lane][i] = trit;
                long bit = 1L << (lane & 63);
                int word = at + i * words + (lane >>> 6);
                states.low[word] = trit != 1 ? states.low[word] | bit : states.low[word] & ~bit;
                states.high[word] = trit != -1 ? states.high[word] | bit : states.high[word] & ~bit;
            }
        }
        return trits;
    }

    static long[] words(long[] array, SlicedStates states, int state, int words) {
        int at = states.offset(state);
        return Arrays.copyOfRange(array, at, at + 729 * words);
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
                    SlicedStates states = new SlicedStates(2, words, false);
                    int in = states.offset(0);
                    for (int i = 0; i < 729; i++) {
                        SlicedTrits.setInAllLanes(states.low, states.high, in, words, i, 0);
                    }
                    SlicedTrits.setInAllLanes(states.low, states.high, in, words, 0, a);
                    SlicedTrits.setInAllLanes(states.low, states.high, in, words, 364, b);
                    kernel.round(0, states.low, states.high, in, states.offset(1));
                    for (int lane = 0; lane < 64 * words; lane += 37) {
                        assertThat(SlicedTrits.tritAt(states.low, states.high, states.offset(1), words,
                                kernel.position(0, 1), lane))
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
            SlicedStates states = new SlicedStates(2, words, true);
            int[][] trits = randomState(states, 0, words, random);
            int source = states.offset(0);
            int target = states.offset(1);
            for (int r = 0; r < 81; r++) {
                kernel.round(r, states.low, states.high, source, target);
                int t = source;
                source = target;
                target = t;
            }
            for (int lane = 0; lane < lanes; lane++) {
                JCurl curl = (JCurl) SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
                curl.setState(trits[lane].clone());
                curl.transform();
                int[] expected = curl.getState();
                for (int i = 0; i < 729; i++) {
                    assertThat(SlicedTrits.tritAt(states.low, states.high, source, words, kernel.position(i, 81), lane))
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
            int words = kernel.wordsPerTrit();
            SlicedStates states = new SlicedStates(3, words, false);
            randomState(states, 0, words, random);
            System.arraycopy(states.low, states.offset(0), states.low, states.offset(2), 729 * words);
            System.arraycopy(states.high, states.offset(0), states.high, states.offset(2), 729 * words);
            int source = states.offset(0);
            int target = states.offset(1);
            for (int r = 0; r < 81; r++) {
                kernel.round(r, states.low, states.high, source, target);
                int t = source;
                source = target;
                target = t;
                kernel.round(r, states.low, states.high, states.offset(2), states.offset(2));
                int state = source == states.offset(0) ? 0 : 1;
                assertThat(words(states.low, states, 2, words)).as("%s round %d", kernel.name(), r)
                        .isEqualTo(words(states.low, states, state, words));
                assertThat(words(states.high, states, 2, words)).as("%s round %d", kernel.name(), r)
                        .isEqualTo(words(states.high, states, state, words));
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
                // states 0/1: full rounds, alternating; 2/3: only the cone's trits
                SlicedStates states = new SlicedStates(4, words, false);
                randomState(states, 0, words, new Random(mwm));
                System.arraycopy(states.low, states.offset(0), states.low, states.offset(2), 729 * words);
                System.arraycopy(states.high, states.offset(0), states.high, states.offset(2), 729 * words);
                int full = 0;
                int partial = 2;
                int roundIndex = 81 - cone.length;
                for (int[] selection : cone) {
                    kernel.round(roundIndex++, states.low, states.high, states.offset(full), states.offset(1 - full));
                    full = 1 - full;
                    kernel.selectedOutputs(states.low, states.high, states.offset(partial), states.offset(5 - partial),
                            selection);
                    partial = 5 - partial;
                }
                for (int trit = 243 - mwm; trit < 243; trit++) {
                    for (int w = 0; w < words; w++) {
                        int at = kernel.position(trit, 81) * words + w;
                        assertThat(states.low[states.offset(partial) + at]).as("%s mwm %d trit %d", kernel.name(), mwm, trit)
                                .isEqualTo(states.low[states.offset(full) + at]);
                        assertThat(states.high[states.offset(partial) + at]).isEqualTo(states.high[states.offset(full) + at]);
                    }
                }
            }
        }
    }

    @Test
    void packedCurlAbsorbsLikeJotaCurl() {
        Random random = new Random(8);
        for (int blocks : new int[] {1, 2, 32, 33}) {
            int[] trits = new int[243 * blocks];
            for (int i = 0; i < trits.length; i++) {
                trits[i] = random.nextInt(3) - 1;
            }
            JCurl curl = (JCurl) SpongeFactory.create(SpongeFactory.Mode.CURL_P81);
            curl.absorb(trits, 0, trits.length);
            PackedCurl packed = new PackedCurl();
            packed.absorb(trits, 0, trits.length);
            assertThat(packed.trits()).as("%d blocks", blocks).containsExactly(curl.getState());
        }
        assertThat(new PackedCurl().trits()).containsOnly(0);
    }

    @Test
    void alignedStatesStartOnCacheLinesAndDoNotOverlap() {
        SlicedStates states = new SlicedStates(11, 8, true);
        for (int i = 0; i < 11; i++) {
            // 16 header bytes + 8 per word: a multiple of 64 bytes from the array's start
            assertThat((16 + 8L * states.offset(i)) % 64).isZero();
            if (i > 0) {
                assertThat(states.offset(i) - states.offset(i - 1)).isGreaterThanOrEqualTo(729 * 8);
            }
        }
        assertThat(states.low.length).isGreaterThanOrEqualTo(states.offset(10) + 729 * 8);
        SlicedStates scalar = new SlicedStates(2, 1, false);
        assertThat(scalar.offset(1) - scalar.offset(0)).isEqualTo(736);
    }
}
