package org.p1iota.camel.iota.pow;

/**
 * One round of the Curl-P-81 permutation over a bit-sliced state: many independent Curl states are
 * computed at once, one per bit lane.
 * <p>
 * Trit {@code t} of lane {@code n} is held as two bits, low = (t != 1) and high = (t != -1), in word
 * {@code t * wordsPerTrit() + n / 64} of the low and high arrays. Round output trit {@code i} is
 * Curl's S-box applied to input trits {@code 364*i mod 729} and {@code 364*(i+1) mod 729}. Writing
 * {@code i = 2k} and {@code 2k+1}, these are trits {@code -k}, {@code 364-k} and {@code 728-k}
 * (mod 729), so a round is one pass over k with plain affine indices, reusing each loaded trit for two
 * outputs: no index table, no branch, no allocation.
 */
interface CurlRound {

    int STATE_TRITS = 729;
    int HASH_TRITS = 243;

    /** 64-bit words per trit; the lanes are {@code 64 * wordsPerTrit()} candidate nonces. */
    int wordsPerTrit();

    /** A short name for reports, e.g. {@code "scalar-64"}. */
    String name();

    /**
     * Applies one round from the source state to the destination state (distinct arrays).
     *
     * @param outputs how many leading output trits are needed: {@link #STATE_TRITS} for a full round,
     *                {@link #HASH_TRITS} for the last round of a nonce search (odd counts may compute
     *                one trit more)
     */
    void round(long[] sourceLow, long[] sourceHigh, long[] targetLow, long[] targetHigh, int outputs);

    /**
     * Computes only the listed output trits of a round (see {@link HashCone}): triples of output trit,
     * first input trit, second input trit. Other target trits are left as they are.
     */
    void selectedOutputs(long[] sourceLow, long[] sourceHigh, long[] targetLow, long[] targetHigh, int[] triples);

    /** Rounds to compute for {@code outputs} trits: pairs of outputs 2k, 2k+1 for k below this. */
    static int pairsFor(int outputs) {
        return Math.min(364, (outputs + 1) >> 1);
    }
}
