package org.p1iota.camel.iota.pow;

/**
 * {@link CurlRound} on plain {@code long}s: 64 lanes per word. Runs on any Java 17 runtime.
 * <p>
 * The S-box in the low/high encoding: with {@code a} the first input trit and {@code b} the second,
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
    public void round(long[] sLow, long[] sHigh, long[] tLow, long[] tHigh, int outputs) {
        int pairs = CurlRound.pairsFor(outputs);
        long aLow = sLow[0];
        long aHigh = sHigh[0];
        for (int k = 0; k < pairs; k++) {
            long bLow = sLow[364 - k];
            long bHigh = sHigh[364 - k];
            long x = (aLow | ~bHigh) & (bLow ^ aHigh);
            tLow[2 * k] = ~x;
            tHigh[2 * k] = (aLow ^ bHigh) | x;
            long cLow = sLow[728 - k];
            long cHigh = sHigh[728 - k];
            long y = (bLow | ~cHigh) & (cLow ^ bHigh);
            tLow[2 * k + 1] = ~y;
            tHigh[2 * k + 1] = (bLow ^ cHigh) | y;
            aLow = cLow;
            aHigh = cHigh;
        }
        if (outputs == STATE_TRITS) {
            // output 728 pairs trit 365 (the last a) with trit 0
            long bLow = sLow[0];
            long bHigh = sHigh[0];
            long x = (aLow | ~bHigh) & (bLow ^ aHigh);
            tLow[728] = ~x;
            tHigh[728] = (aLow ^ bHigh) | x;
        }
    }

    @Override
    public void selectedOutputs(long[] sLow, long[] sHigh, long[] tLow, long[] tHigh, int[] triples) {
        for (int j = 0; j < triples.length; j += 3) {
            int a = triples[j + 1];
            int b = triples[j + 2];
            long aLow = sLow[a];
            long bHigh = sHigh[b];
            long x = (aLow | ~bHigh) & (sLow[b] ^ sHigh[a]);
            tLow[triples[j]] = ~x;
            tHigh[triples[j]] = (aLow ^ bHigh) | x;
        }
    }
}
