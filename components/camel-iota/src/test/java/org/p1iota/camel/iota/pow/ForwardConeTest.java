package org.p1iota.camel.iota.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Recomputing only the forward cone of a changed trit gives what the full rounds give, for each kernel. */
class ForwardConeTest {

    @Test
    void partialRoundsAfterOneChangedTritEqualFullRounds() {
        for (CurlRound kernel : CurlRoundTest.kernels()) {
            int words = kernel.wordsPerTrit();
            int rounds = ForwardCone.partialRounds(kernel);
            assertThat(rounds).as(kernel.name()).isBetween(4, 10);
            Random random = new Random(91);
            long[] low = new long[729 * words];
            long[] high = new long[729 * words];
            for (int i = 0; i < 729; i++) {
                SlicedCurlState.setInAllLanes(low, high, words, i, random.nextInt(3) - 1);
            }
            // lanes differ too: some trits random per lane
            for (int i = 0; i < low.length; i += 7) {
                low[i] = random.nextLong();
                high[i] = low[i] | random.nextLong();
            }
            long[][] keptLow = new long[rounds][];
            long[][] keptHigh = new long[rounds][];
            fullRounds(kernel, low, high, keptLow, keptHigh);
            for (int changedTrit : new int[] {0, 173, 174, 200, 242, 728}) {
                int before = SlicedCurlState.tritAt(low, high, words, changedTrit, 0);
                SlicedCurlState.setInAllLanes(low, high, words, changedTrit, before == 1 ? -1 : before + 1);
                int[][] cones = ForwardCone.firstRounds(changedTrit, rounds, kernel);
                long[] sourceLow = low;
                long[] sourceHigh = high;
                for (int r = 0; r < rounds; r++) {
                    assertThat(cones[r].length / 3).isLessThanOrEqualTo(2 << r);
                    kernel.selectedOutputs(sourceLow, sourceHigh, keptLow[r], keptHigh[r], cones[r]);
                    sourceLow = keptLow[r];
                    sourceHigh = keptHigh[r];
                }
                long[][] expectedLow = new long[rounds][];
                long[][] expectedHigh = new long[rounds][];
                fullRounds(kernel, low, high, expectedLow, expectedHigh);
                for (int r = 0; r < rounds; r++) {
                    assertThat(keptLow[r]).as("%s trit %d round %d", kernel.name(), changedTrit, r).isEqualTo(expectedLow[r]);
                    assertThat(keptHigh[r]).as("%s trit %d round %d", kernel.name(), changedTrit, r).isEqualTo(expectedHigh[r]);
                }
            }
        }
    }

    private static void fullRounds(CurlRound kernel, long[] low, long[] high, long[][] keptLow, long[][] keptHigh) {
        long[] sourceLow = low;
        long[] sourceHigh = high;
        for (int r = 0; r < keptLow.length; r++) {
            keptLow[r] = new long[low.length];
            keptHigh[r] = new long[low.length];
            kernel.round(r, sourceLow, sourceHigh, keptLow[r], keptHigh[r]);
            sourceLow = keptLow[r];
            sourceHigh = keptHigh[r];
        }
    }
}
