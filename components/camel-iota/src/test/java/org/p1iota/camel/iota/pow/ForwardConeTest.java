package org.p1iota.iota.pow;

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
            // state 0: input; 1..rounds: kept states updated in part; rounds+1..2 rounds: computed in full
            SlicedStates states = new SlicedStates(1 + 2 * rounds, words, false);
            Random random = new Random(91);
            CurlRoundTest.randomState(states, 0, words, random);
            fullRounds(kernel, states, 1, rounds);
            for (int changedTrit : new int[] {0, 173, 174, 200, 242, 728}) {
                int before = SlicedTrits.tritAt(states.low, states.high, states.offset(0), words, changedTrit, 0);
                SlicedTrits.setInAllLanes(states.low, states.high, states.offset(0), words, changedTrit,
                        before == 1 ? -1 : before + 1);
                int[][] cones = ForwardCone.firstRounds(changedTrit, rounds, kernel);
                int source = states.offset(0);
                for (int r = 0; r < rounds; r++) {
                    assertThat(cones[r].length / 3).isLessThanOrEqualTo(2 << r);
                    kernel.selectedOutputs(states.low, states.high, source, states.offset(1 + r), cones[r]);
                    source = states.offset(1 + r);
                }
                fullRounds(kernel, states, 1 + rounds, rounds);
                for (int r = 0; r < rounds; r++) {
                    assertThat(CurlRoundTest.words(states.low, states, 1 + r, words))
                            .as("%s trit %d round %d", kernel.name(), changedTrit, r)
                            .isEqualTo(CurlRoundTest.words(states.low, states, 1 + rounds + r, words));
                    assertThat(CurlRoundTest.words(states.high, states, 1 + r, words))
                            .as("%s trit %d round %d", kernel.name(), changedTrit, r)
                            .isEqualTo(CurlRoundTest.words(states.high, states, 1 + rounds + r, words));
                }
            }
        }
    }

    /** Rounds 0..rounds-1 from state 0 into states first, first+1, ... */
    private static void fullRounds(CurlRound kernel, SlicedStates states, int first, int rounds) {
        int source = states.offset(0);
        for (int r = 0; r < rounds; r++) {
            kernel.round(r, states.low, states.high, source, states.offset(first + r));
            source = states.offset(first + r);
        }
    }
}
