package org.p1iota.camel.iota.pow;

import java.util.Arrays;

/**
 * A bit-sliced Curl-P-81 sponge state (see {@link CurlRound} for the encoding) with a spare: rounds
 * write into the spare and the two swap. Between transforms the trits are in natural order.
 */
final class SlicedCurlState {

    static final int ROUNDS = 81;
    /** Both bits set: the encoding of trit 0 in every lane. */
    static final long ALL_LANES = -1L;

    private final CurlRound round;
    private final int words;
    private final SlicedStates states;
    private int current;
    private int spare;

    /** Curl's initial state: all trits zero. */
    SlicedCurlState(CurlRound round) {
        this.round = round;
        this.words = round.wordsPerTrit();
        this.states = new SlicedStates(2, words, false);
        this.current = states.offset(0);
        this.spare = states.offset(1);
        Arrays.fill(states.low, ALL_LANES);
        Arrays.fill(states.high, ALL_LANES);
    }

    /** Absorbs one 243-trit block that is the same in every lane: overwrite the rate, transform. */
    void absorbInAllLanes(int[] trits, int offset) {
        for (int i = 0; i < CurlRound.HASH_TRITS; i++) {
            setInAllLanes(states.low, states.high, current, words, i, trits[offset + i]);
        }
        transform();
    }

    /** The 81 rounds; the state is in natural trit order before and after. */
    void transform() {
        for (int r = 0; r < ROUNDS; r++) {
            round.round(r, states.low, states.high, current, spare);
            swap();
        }
        if (round.position(0, ROUNDS) != 0 || round.position(1, ROUNDS) != 1) {
            for (int i = 0; i < CurlRound.STATE_TRITS; i++) {
                int from = current + round.position(i, ROUNDS) * words;
                System.arraycopy(states.low, from, states.low, spare + i * words, words);
                System.arraycopy(states.high, from, states.high, spare + i * words, words);
            }
            swap();
        }
    }

    private void swap() {
        int t = current;
        current = spare;
        spare = t;
    }

    /** Trit {@code index} of lane {@code lane}: -1, 0 or 1. */
    int trit(int index, int lane) {
        return tritAt(states.low, states.high, current, words, index, lane);
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
