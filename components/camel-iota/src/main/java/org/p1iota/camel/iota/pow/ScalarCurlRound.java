package org.p1iota.iota.pow;

/**
 * {@link CurlRound} on plain {@code long}s, 64 lanes per word; runs on any Java 17 runtime.
 * <p>
 * Output trit i reads trits 364i and 364(i+1) (mod 729). If the input stores trit x at position
 * {@code x*c} and the output stores trit i at {@code i*364c} (364 is invertible mod 729), output
 * position n reads input positions n and n + 364c: the round becomes one sequential pass with a
 * rotated second operand, no index arithmetic, and the whole state and its spare (4 x 5.8 KB) stay in the L1 cache.
 * After r rounds trit x sits at {@code x * 364^r mod 729} ({@link RotatedLayout}).
 * <p>
 * The S-box in the low/high encoding, with a the first input and b the second:
 * {@code x = (aLow | ~bHigh) & (bLow ^ aHigh)}, output low = {@code ~x}, output high =
 * {@code (aLow ^ bHigh) | x} (checked against Curl's truth table for all nine input pairs in the tests).
 */
final class ScalarCurlRound implements CurlRound {

    @Override
    public int wordsPerTrit() {
        return 1;
    }

    @Override
    public String name() {
        return "scalar-64";
    }

    @Override
    public int position(int trit, int roundsDone) {
        return RotatedLayout.position(trit, roundsDone);
    }

    @Override
    public double selectedOutputCost() {
        return 1.5;
    }

    @Override
    public void round(int roundIndex, long[] low, long[] high, int source, int target) {
        int rotation = RotatedLayout.rotation(roundIndex);
        int wrap = STATE_TRITS - rotation;
        for (int n = 0; n < wrap; n++) {
            long aLow = low[source + n];
            long bHigh = high[source + n + rotation];
            long x = (aLow | ~bHigh) & (low[source + n + rotation] ^ high[source + n]);
            low[target + n] = ~x;
            high[target + n] = (aLow ^ bHigh) | x;
        }
        for (int n = wrap; n < STATE_TRITS; n++) {
            long aLow = low[source + n];
            long bHigh = high[source + n - wrap];
            long x = (aLow | ~bHigh) & (low[source + n - wrap] ^ high[source + n]);
            low[target + n] = ~x;
            high[target + n] = (aLow ^ bHigh) | x;
        }
    }

    @Override
    public void selectedOutputs(long[] low, long[] high, int source, int target, int[] triples) {
        for (int j = 0; j < triples.length; j += 3) {
            int a = source + triples[j + 1];
            int b = source + triples[j + 2];
            long aLow = low[a];
            long bHigh = high[b];
            long x = (aLow | ~bHigh) & (low[b] ^ high[a]);
            low[target + triples[j]] = ~x;
            high[target + triples[j]] = (aLow ^ bHigh) | x;
        }
    }
}
