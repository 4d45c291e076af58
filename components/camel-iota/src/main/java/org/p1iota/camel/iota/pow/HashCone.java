package org.p1iota.iota.pow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Which trits the last rounds of a nonce search must compute. Only the last {@code mwm} hash trits are
 * checked; each depends on two trits of the round before, those on four, and so on, so the last few
 * rounds need only a small part of the state. For MWM 14 this skips about five of the 81 rounds.
 * <p>
 * Each selection is a flat list of triples (output position, first input position, second input
 * position) in the kernel's layout, in round order; the rounds before the first selection are computed
 * in full.
 */
final class HashCone {

    private HashCone() {
    }

    static int[][] lastRounds(int minWeightMagnitude, CurlRound kernel) {
        List<int[]> selections = new ArrayList<>();
        BitSet needed = new BitSet(CurlRound.STATE_TRITS);
        needed.set(CurlRound.HASH_TRITS - minWeightMagnitude, CurlRound.HASH_TRITS);
        // past this many outputs a full sequential round is cheaper than picking trits
        double maxSelected = CurlRound.STATE_TRITS / kernel.selectedOutputCost();
        while (needed.cardinality() <= maxSelected && selections.size() < SlicedTrits.ROUNDS - 1) {
            int roundIndex = SlicedTrits.ROUNDS - 1 - selections.size();
            int[] triples = new int[3 * needed.cardinality()];
            BitSet inputs = new BitSet(CurlRound.STATE_TRITS);
            int at = 0;
            for (int out = needed.nextSetBit(0); out >= 0; out = needed.nextSetBit(out + 1)) {
                int first = inputTrit(out);
                int second = inputTrit(out + 1);
                triples[at++] = kernel.position(out, roundIndex + 1);
                triples[at++] = kernel.position(first, roundIndex);
                triples[at++] = kernel.position(second, roundIndex);
                inputs.set(first);
                inputs.set(second);
            }
            selections.add(triples);
            needed = inputs;
        }
        Collections.reverse(selections);
        return selections.toArray(new int[0][]);
    }

    /** Output trit i of a round reads trits 364*i and 364*(i+1), mod 729. */
    static int inputTrit(int output) {
        return 364 * output % CurlRound.STATE_TRITS;
    }
}
