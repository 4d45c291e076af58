package org.p1iota.camel.iota.pow;

import java.util.Arrays;

/**
 * A bit-sliced Curl-P-81 sponge state (see {@link CurlRound} for the encoding) with a spare buffer:
 * rounds write into the spare and the two are swapped. Between transforms the trits are in natural
 * order.
 */
final class SlicedCurlState {

    static final int ROUNDS = 81;
    /** Both bits set: the encoding of trit 0 in every lane. */
    static final long ALL_LANES = -1L;

    private final CurlRound round;
    private final int words;
    private long[] low;
    private long[] high;
    private long[] spareLow;
    private long[] spareHigh;

    /** Curl's initial state: all trits zero. */
    SlicedCurlState(CurlRound round) {
        this.round = round;
        this.words = round.wordsPerTrit();
        int size = CurlRound.STATE_TRITS * words;
        low = new long[size];
        high = new long[size];
        spareLow = new long[size];
        spareHigh = new long[size];
        Arrays.fill(low, ALL_LANES);
        Arrays.fill(high, ALL_LANES);
    }

    /** Absorbs one 243-trit block that is the same in every lane: overwrite the rate, transform. */
    void absorbInAllLanes(int[] trits, int offset) {
        for (int i = 0; i < CurlRound.HASH_TRITS; i++) {
            setInAllLanes(low, high, words, i, trits[offset + i]);
        }
        transform();
    }

    /** The 81 rounds; the state is in natural trit order before and after. */
    void transform() {
        for (int r = 0; r < ROUNDS; r++) {
            round.round(r, low, high, spareLow, spareHigh);
            swap();
        }
        if (round.position(0, ROUNDS) != 0 || round.position(1, ROUNDS) != 1) {
            for (int i = 0; i < CurlRound.STATE_TRITS; i++) {
                int from = round.position(i, ROUNDS) * words;
                System.arraycopy(low, from, spareLow, i * words, words);
                System.arraycopy(high, from, spareHigh, i * words, words);
            }
            swap();
        }
    }

    private void swap() {
        long[] t = low;
        low = spareLow;
        spareLow = t;
        t = high;
        high = spareHigh;
        spareHigh = t;
    }

    long[] copyLow(int targetWords) {
        return widen(low, targetWords);
    }

    long[] copyHigh(int targetWords) {
        return widen(high, targetWords);
    }

    /**
     * The state for a kernel with {@code targetWords} words per trit, every lane equal to lane 0 here.
     * A state absorbed with the same trits in all lanes is thereby computed with the cheapest kernel
     * and handed to the widest one.
     */
    private long[] widen(long[] words64, int targetWords) {
        long[] wide = new long[CurlRound.STATE_TRITS * targetWords];
        for (int i = 0; i < CurlRound.STATE_TRITS; i++) {
            long lane0 = (words64[i * words] & 1L) == 0 ? 0L : ALL_LANES;
            Arrays.fill(wide, i * targetWords, (i + 1) * targetWords, lane0);
        }
        return wide;
    }

    /** Trit {@code index} of lane {@code lane}: -1, 0 or 1. */
    int trit(int index, int lane) {
        return tritAt(low, high, words, index, lane);
    }

    static int tritAt(long[] low, long[] high, int words, int index, int lane) {
        int word = index * words + (lane >>> 6);
        long bit = 1L << (lane & 63);
        boolean l = (low[word] & bit) != 0;
        boolean h = (high[word] & bit) != 0;
        if (l == h) {
            return 0;
        }
        return l ? -1 : 1;
    }

    static void setInAllLanes(long[] low, long[] high, int words, int index, int trit) {
        long l = trit == 1 ? 0L : ALL_LANES;
        long h = trit == -1 ? 0L : ALL_LANES;
        int at = index * words;
        for (int w = 0; w < words; w++) {
            low[at + w] = l;
            high[at + w] = h;
        }
    }
}
