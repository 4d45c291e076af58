package org.p1iota.iota.pow;

/**
 * One round of the Curl-P-81 permutation over a bit-sliced state: many independent Curl states are
 * computed at once, one per bit lane.
 * <p>
 * Trit {@code t} of lane {@code n} is held as two bits, low = (t != 1) and high = (t != -1), in word
 * {@code state + position(t, r) * wordsPerTrit() + n / 64} of the low and high arrays ({@code state}
 * being the state's word offset there, see {@link SlicedStates}), {@code r} being the
 * number of rounds done since the state was last in natural order. Round output trit {@code i} is Curl's
 * S-box applied to input trits {@code 364*i mod 729} and {@code 364*(i+1) mod 729}; an implementation
 * may store its output in another order than its input if that makes the round a simpler pass over
 * memory (see {@link ScalarCurlRound}).
 */
interface CurlRound {

    int STATE_TRITS = 729;
    int HASH_TRITS = 243;

    /** 64-bit words per trit; the lanes are {@code 64 * wordsPerTrit()} candidate nonces. */
    int wordsPerTrit();

    /** A short name for reports, e.g. {@code "scalar-64"}. */
    String name();

    /** Where trit {@code trit} is stored after {@code roundsDone} rounds from natural order. */
    int position(int trit, int roundsDone);

    /** True when {@link #round} may be given the same state as source and target. */
    default boolean inPlace() {
        return false;
    }

    /**
     * Applies round number {@code roundIndex} (0 for the first after natural order) from the state at
     * word offset {@code source} of the arrays to the one at {@code target} (a different state unless
     * {@link #inPlace()}).
     */
    void round(int roundIndex, long[] low, long[] high, int source, int target);

    /**
     * What one output of {@link #selectedOutputs} costs, in outputs of a full {@link #round}: picking
     * trits by index is slower per trit than a sequential pass (measured with {@code bench pow}); the
     * search uses this to decide where computing only some trits pays off.
     */
    double selectedOutputCost();

    /**
     * Computes only some output trits of a round (see {@link HashCone}): triples of target position,
     * first input position, second input position. Other target trits are left as they are.
     */
    void selectedOutputs(long[] low, long[] high, int source, int target, int[] triples);
}
