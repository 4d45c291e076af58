package org.p1iota.iota.mam;

import org.p1iota.iota.curl.SlicedCurl;

/**
 * Runs many independent hash chains {@code H^n(x)} side by side on {@link SlicedCurl}, 64 at a time:
 * the Winternitz key, signature and verification steps are all of this shape.
 */
final class HashChains {

    private HashChains() {
    }

    /**
     * @param inputs  {@code count} blocks of 243 trits, back to back
     * @param steps   how many times to hash each block (0..)
     * @return the chain ends, back to back in the same order
     */
    static int[] run(int[] inputs, int[] steps) {
        int count = steps.length;
        int[] out = new int[count * Trits.HASH_TRITS];
        SlicedCurl curl = new SlicedCurl();
        for (int first = 0; first < count; first += SlicedCurl.LANES) {
            int lanes = Math.min(SlicedCurl.LANES, count - first);
            curl.clear(0, CurlP.STATE);
            int longest = 0;
            for (int lane = 0; lane < lanes; lane++) {
                curl.setLane(lane, inputs, (first + lane) * Trits.HASH_TRITS, Trits.HASH_TRITS);
                longest = Math.max(longest, steps[first + lane]);
            }
            long[] resultLow = new long[Trits.HASH_TRITS];
            long[] resultHigh = new long[Trits.HASH_TRITS];
            for (int step = 0; step <= longest; step++) {
                if (step > 0) {
                    curl.hashRateInPlace();
                }
                long done = 0;
                for (int lane = 0; lane < lanes; lane++) {
                    if (steps[first + lane] == step) {
                        done |= 1L << lane;
                    }
                }
                if (done != 0) {
                    for (int i = 0; i < Trits.HASH_TRITS; i++) {
                        resultLow[i] = (resultLow[i] & ~done) | (curl.low[i] & done);
                        resultHigh[i] = (resultHigh[i] & ~done) | (curl.high[i] & done);
                    }
                }
            }
            for (int lane = 0; lane < lanes; lane++) {
                int base = (first + lane) * Trits.HASH_TRITS;
                for (int i = 0; i < Trits.HASH_TRITS; i++) {
                    int l = (int) (resultLow[i] >>> lane) & 1;
                    int h = (int) (resultHigh[i] >>> lane) & 1;
                    out[base + i] = h - l;
                }
            }
        }
        return out;
    }
}
