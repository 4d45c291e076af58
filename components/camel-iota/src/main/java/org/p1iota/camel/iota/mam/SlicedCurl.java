package org.p1iota.iota.mam;

import java.util.Arrays;

/**
 * 64 Curl-P-27 sponges at once, bit-sliced: each of the 729 state trits is a pair of longs and bit
 * {@code lane} of both holds that lane's trit (0 = both set, +1 = high only, -1 = low only). MAM's
 * Winternitz chains and the nonce search run 54..81 independent hashes, so one transform here does
 * the work of up to 64 scalar ones.
 */
final class SlicedCurl {

    static final int LANES = 64;
    private static final int STATE = CurlP.STATE;
    private static final int RATE = CurlP.RATE;
    private static final int ROUNDS = CurlP.ROUNDS_27;

    final long[] low = new long[STATE];
    final long[] high = new long[STATE];
    private final long[] scratchLow = new long[STATE];
    private final long[] scratchHigh = new long[STATE];

    SlicedCurl() {
        clear(0, STATE);
    }

    /** Sets positions {@code from..to-1} to trit 0 in every lane. */
    void clear(int from, int to) {
        Arrays.fill(low, from, to, -1L);
        Arrays.fill(high, from, to, -1L);
    }

    /** Puts the same trit into every lane at {@code position}. */
    void broadcast(int position, int trit) {
        low[position] = trit == 1 ? 0L : -1L;
        high[position] = trit == -1 ? 0L : -1L;
    }

    void set(int lane, int position, int trit) {
        long bit = 1L << lane;
        low[position] = trit == 1 ? low[position] & ~bit : low[position] | bit;
        high[position] = trit == -1 ? high[position] & ~bit : high[position] | bit;
    }

    int get(int lane, int position) {
        int l = (int) (low[position] >>> lane) & 1;
        int h = (int) (high[position] >>> lane) & 1;
        return h - l;
    }

    void setLane(int lane, int[] trits, int offset, int length) {
        for (int i = 0; i < length; i++) {
            set(lane, i, trits[offset + i]);
        }
    }

    void getRate(int lane, int[] out, int offset) {
        for (int i = 0; i < RATE; i++) {
            out[offset + i] = get(lane, i);
        }
    }

    /** One H step for every lane: the rate stays as input, the rest of the state is zeroed, transform. */
    void hashRateInPlace() {
        clear(RATE, STATE);
        transform();
    }

    /** The same rounds as {@link CurlP#transform()}, on bit pairs: one S-box evaluation serves all 64 lanes. */
    void transform() {
        long[] fromLow = low;
        long[] fromHigh = high;
        long[] toLow = scratchLow;
        long[] toHigh = scratchHigh;
        for (int round = 0; round < ROUNDS; round++) {
            sbox(fromLow, fromHigh, toLow, toHigh, 0, 0, 364);
            for (int k = 1; k <= 364; k++) {
                sbox(fromLow, fromHigh, toLow, toHigh, 2 * k - 1, 365 - k, 729 - k);
                sbox(fromLow, fromHigh, toLow, toHigh, 2 * k, 729 - k, 364 - k);
            }
            long[] swap = fromLow;
            fromLow = toLow;
            toLow = swap;
            swap = fromHigh;
            fromHigh = toHigh;
            toHigh = swap;
        }
        if (fromLow != low) {
            System.arraycopy(fromLow, 0, low, 0, STATE);
            System.arraycopy(fromHigh, 0, high, 0, STATE);
        }
    }

    private static void sbox(long[] fromLow, long[] fromHigh, long[] toLow, long[] toHigh, int out, int a, int b) {
        long alpha = fromLow[a];
        long beta = fromHigh[a];
        long gamma = fromHigh[b];
        long delta = (alpha | ~gamma) & (fromLow[b] ^ beta);
        toLow[out] = ~delta;
        toHigh[out] = (alpha ^ gamma) | delta;
    }
}
