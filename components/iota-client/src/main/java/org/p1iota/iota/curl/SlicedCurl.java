package org.p1iota.iota.curl;

import java.util.Arrays;

/**
 * 64 Curl-P sponges at once, bit-sliced: each of the 729 state trits is a pair of longs and bit
 * {@code lane} of both holds that lane's trit (0 = both set, +1 = high only, -1 = low only). MAM's
 * Winternitz chains and nonce search (Curl-P-27) and the hashes of fetched transactions (Curl-P-81,
 * {@code transaction.TransactionHashes}) run many independent hashes, so one transform here does the work of up to
 * 64 scalar ones. Written by hand: jota's Curl is scalar, and no maintained Java library slices it.
 */
public final class SlicedCurl {

    public static final int LANES = 64;
    public static final int STATE = 729;
    public static final int RATE = 243;
    public static final int ROUNDS_27 = 27;
    public static final int ROUNDS_81 = 81;

    /** The lanes' trits, open to callers that combine whole lanes at once (MAM's hash chains). */
    public final long[] low = new long[STATE];
    public final long[] high = new long[STATE];
    private final long[] scratchLow = new long[STATE];
    private final long[] scratchHigh = new long[STATE];
    private final int rounds;

    /** Curl-P-27 sponges, as MAM uses them. */
    public SlicedCurl() {
        this(ROUNDS_27);
    }

    public SlicedCurl(int rounds) {
        this.rounds = rounds;
        clear(0, STATE);
    }

    /** Sets positions {@code from..to-1} to trit 0 in every lane. */
    public void clear(int from, int to) {
        Arrays.fill(low, from, to, -1L);
        Arrays.fill(high, from, to, -1L);
    }

    /** Puts the same trit into every lane at {@code position}. */
    public void broadcast(int position, int trit) {
        low[position] = trit == 1 ? 0L : -1L;
        high[position] = trit == -1 ? 0L : -1L;
    }

    public void set(int lane, int position, int trit) {
        long bit = 1L << lane;
        low[position] = trit == 1 ? low[position] & ~bit : low[position] | bit;
        high[position] = trit == -1 ? high[position] & ~bit : high[position] | bit;
    }

    public int get(int lane, int position) {
        int l = (int) (low[position] >>> lane) & 1;
        int h = (int) (high[position] >>> lane) & 1;
        return h - l;
    }

    public void setLane(int lane, int[] trits, int offset, int length) {
        for (int i = 0; i < length; i++) {
            set(lane, i, trits[offset + i]);
        }
    }

    public void getRate(int lane, int[] out, int offset) {
        for (int i = 0; i < RATE; i++) {
            out[offset + i] = get(lane, i);
        }
    }

    /** One H step for every lane: the rate stays as input, the rest of the state is zeroed, transform. */
    public void hashRateInPlace() {
        clear(RATE, STATE);
        transform();
    }

    /** The rounds of scalar Curl-P, on bit pairs: one S-box evaluation serves all 64 lanes. */
    public void transform() {
        long[] fromLow = low;
        long[] fromHigh = high;
        long[] toLow = scratchLow;
        long[] toHigh = scratchHigh;
        for (int round = 0; round < rounds; round++) {
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
