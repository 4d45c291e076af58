package org.p1iota.iota.pow;

import java.util.BitSet;

/**
 * Which trits of the first rounds change when one input trit changes. Output trit {@code i} of a round
 * reads trits {@code 364i} and {@code 364(i+1)}, so a changed input {@code x} changes outputs
 * {@code -2x} and {@code -2x-1} (mod 729): one trit touches 2, 4, 8, ... trits in the rounds after it and
 * everything only from about the tenth round on. The nonce search changes one counter trit per batch
 * ({@link TernaryGrayCounter}) and keeps the state after each of the first rounds, so it recomputes only
 * these trits there.
 * <p>
 * Selections are flat triples (output position, first input position, second input position) in the
 * kernel's layout, as {@link CurlRound#selectedOutputs} takes them.
 */
final class ForwardCone {

    private ForwardCone() {
    }

    /**
     * How many first rounds are cheaper computed in part than in full after one changed trit, for this
     * kernel (the dependent trits double every round; a selected output costs
     * {@link CurlRound#selectedOutputCost()} outputs of a full round).
     */
    static int partialRounds(CurlRound kernel) {
        int rounds = 0;
        int changed = 1;
        double cost = kernel.selectedOutputCost();
        while (rounds < SlicedTrits.ROUNDS && 2 * changed * cost < CurlRound.STATE_TRITS) {
            changed *= 2;
            rounds++;
        }
        return rounds;
    }

    /** The selections of rounds {@code 0..rounds-1} after input trit {@code changedTrit} changed. */
    static int[][] firstRounds(int changedTrit, int rounds, CurlRound kernel) {
        int[][] selections = new int[rounds][];
        BitSet changed = new BitSet(CurlRound.STATE_TRITS);
        changed.set(changedTrit);
        for (int r = 0; r < rounds; r++) {
            BitSet outputs = new BitSet(CurlRound.STATE_TRITS);
            for (int x = changed.nextSetBit(0); x >= 0; x = changed.nextSetBit(x + 1)) {
                int first = Math.floorMod(-2 * x, CurlRound.STATE_TRITS);
                outputs.set(first);
                outputs.set(Math.floorMod(first - 1, CurlRound.STATE_TRITS));
            }
            int[] triples = new int[3 * outputs.cardinality()];
            int at = 0;
            for (int out = outputs.nextSetBit(0); out >= 0; out = outputs.nextSetBit(out + 1)) {
                triples[at++] = kernel.position(out, r + 1);
                triples[at++] = kernel.position(HashCone.inputTrit(out), r);
                triples[at++] = kernel.position(HashCone.inputTrit(out + 1), r);
            }
            selections[r] = triples;
            changed = outputs;
        }
        return selections;
    }
}
