package org.p1iota.iota.pow;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CurlRound} on the JDK's vector API: one SIMD register of longs per trit (512 candidates with
 * AVX-512, 256 with AVX2), applied lane-wise with {@link ScalarCurlRound}'s S-box. Loaded only when the
 * runtime has the {@code jdk.incubator.vector} module (see {@link CurlRounds#fastest()}).
 * <p>
 * It runs in place (source and target may be the same arrays). Writing output i as 2k and 2k+1, its
 * inputs are trits -k, 364-k and 728-k (mod 729); step k reads trits 364-k and 728-k (the third is the
 * previous step's 728-k, still in registers), never needs them again, and writes its two outputs into
 * their slots. Trit 0 is read first and last and takes output 728. The layout stays affine: with trit x
 * at slot {@code (alpha*x + beta) mod 729} before a round, {@code alpha' = 364 alpha} and
 * {@code beta' = 364 alpha + beta} after it. One state of 512 candidates is 93 KB, more than the L1
 * cache, so touching one state per round instead of two is what makes this faster than alternating
 * buffers (measured 4-7 % in the search, see docs/performance.md).
 */
final class VectorCurlRound implements CurlRound {

    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_PREFERRED;
    private static final int W = SPECIES.length();
    private static final int[] ALPHA = new int[SlicedTrits.ROUNDS + 1];
    private static final int[] BETA = new int[SlicedTrits.ROUNDS + 1];

    static {
        ALPHA[0] = 1;
        for (int r = 1; r < ALPHA.length; r++) {
            ALPHA[r] = 364 * ALPHA[r - 1] % STATE_TRITS;
            BETA[r] = (364 * ALPHA[r - 1] + BETA[r - 1]) % STATE_TRITS;
        }
    }

    @Override
    public int wordsPerTrit() {
        return W;
    }

    @Override
    public String name() {
        return "vector-" + (64 * W);
    }

    @Override
    public int position(int trit, int roundsDone) {
        return (ALPHA[roundsDone] * trit + BETA[roundsDone]) % STATE_TRITS;
    }

    @Override
    public boolean inPlace() {
        return true;
    }

    @Override
    public double selectedOutputCost() {
        return 1.5;
    }

    @Override
    public void round(int roundIndex, long[] low, long[] high, int source, int target) {
        int alpha = ALPHA[roundIndex];
        int beta = BETA[roundIndex];
        int step = STATE_TRITS - alpha; // one trit back, as a slot distance mod 729
        int b = (364 * alpha + beta) % STATE_TRITS;
        int c = (728 * alpha + beta) % STATE_TRITS;
        int first = beta * W;
        LongVector aLow = LongVector.fromArray(SPECIES, low, source + first);
        LongVector aHigh = LongVector.fromArray(SPECIES, high, source + first);
        for (int k = 0; k < 364; k++) {
            int atB = b * W;
            int atC = c * W;
            LongVector bLow = LongVector.fromArray(SPECIES, low, source + atB);
            LongVector bHigh = LongVector.fromArray(SPECIES, high, source + atB);
            LongVector cLow = LongVector.fromArray(SPECIES, low, source + atC);
            LongVector cHigh = LongVector.fromArray(SPECIES, high, source + atC);
            sbox(aLow, aHigh, bLow, bHigh, low, high, target + atB);
            sbox(bLow, bHigh, cLow, cHigh, low, high, target + atC);
            aLow = cLow;
            aHigh = cHigh;
            b += step;
            b -= b >= STATE_TRITS ? STATE_TRITS : 0;
            c += step;
            c -= c >= STATE_TRITS ? STATE_TRITS : 0;
        }
        // output 728 pairs trit 365 (the last c) with trit 0, whose slot nothing else was written to
        sbox(aLow, aHigh, LongVector.fromArray(SPECIES, low, source + first),
                LongVector.fromArray(SPECIES, high, source + first), low, high, target + first);
    }

    @Override
    public void selectedOutputs(long[] low, long[] high, int source, int target, int[] triples) {
        for (int j = 0; j < triples.length; j += 3) {
            int a = source + triples[j + 1] * W;
            int b = source + triples[j + 2] * W;
            sbox(LongVector.fromArray(SPECIES, low, a), LongVector.fromArray(SPECIES, high, a),
                    LongVector.fromArray(SPECIES, low, b), LongVector.fromArray(SPECIES, high, b),
                    low, high, target + triples[j] * W);
        }
    }

    private static void sbox(LongVector aLow, LongVector aHigh, LongVector bLow, LongVector bHigh,
                             long[] low, long[] high, int at) {
        LongVector x = aLow.or(bHigh.not()).and(bLow.lanewise(VectorOperators.XOR, aHigh));
        x.not().intoArray(low, at);
        aLow.lanewise(VectorOperators.XOR, bHigh).or(x).intoArray(high, at);
    }
}
