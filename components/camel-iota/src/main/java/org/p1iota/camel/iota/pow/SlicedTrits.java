package org.p1iota.iota.pow;

/**
 * Constants and trit access for bit-sliced Curl-P-81 states (see {@link CurlRound} for the encoding and
 * {@link SlicedStates} for the storage).
 */
final class SlicedTrits {

    static final int ROUNDS = 81;
    /** Both bits set: the encoding of trit 0 in every lane. */
    static final long ALL_LANES = -1L;

    private SlicedTrits() {
    }

    /** Trit {@code index} of lane {@code lane} of the state at word offset {@code state}, natural order. */
    static int tritAt(long[] low, long[] high, int state, int words, int index, int lane) {
        int word = state + index * words + (lane >>> 6);
        long bit = 1L << (lane & 63);
        boolean l = (low[word] & bit) != 0;
        boolean h = (high[word] & bit) != 0;
        if (l == h) {
            return 0;
        }
        return l ? -1 : 1;
    }

    static void setInAllLanes(long[] low, long[] high, int state, int words, int index, int trit) {
        long l = trit == 1 ? 0L : ALL_LANES;
        long h = trit == -1 ? 0L : ALL_LANES;
        int at = state + index * words;
        for (int w = 0; w < words; w++) {
            low[at + w] = l;
            high[at + w] = h;
        }
    }
}
