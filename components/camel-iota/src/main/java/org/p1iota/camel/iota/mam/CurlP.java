package org.p1iota.iota.mam;

import java.util.Arrays;

/**
 * Curl-P sponge on one trit vector: 729-trit state, 243-trit rate. Same transform as jota's
 * {@code JCurl} (tests pin that), written here because MAM calls it thousands of times per message
 * and jota's instances cannot be copied. An absorbed block overwrites only its own length.
 */
final class CurlP {

    static final int STATE = 729;
    static final int RATE = 243;
    static final int ROUNDS_27 = 27;
    static final int ROUNDS_81 = 81;

    private static final int[] TRUTH_TABLE = {1, 0, -1, 2, 1, -1, 0, 2, -1, 1, 0};
    private final int rounds;
    private final int[] state = new int[STATE];
    private final int[] scratch = new int[STATE];

    CurlP(int rounds) {
        this.rounds = rounds;
    }

    static CurlP p27() {
        return new CurlP(ROUNDS_27);
    }

    CurlP reset() {
        Arrays.fill(state, 0);
        return this;
    }

    /** Absorbs {@code length} trits in blocks of at most 243, transforming after each block. */
    CurlP absorb(int[] trits, int offset, int length) {
        int position = offset;
        int remaining = length;
        do {
            int block = Math.min(remaining, RATE);
            System.arraycopy(trits, position, state, 0, block);
            transform();
            position += block;
            remaining -= block;
        } while (remaining > 0);
        return this;
    }

    CurlP absorb(int[] trits) {
        return absorb(trits, 0, trits.length);
    }

    /** Copies the rate into {@code out} at {@code offset}; does not transform. */
    void rate(int[] out, int offset) {
        System.arraycopy(state, 0, out, offset, RATE);
    }

    int[] rate() {
        return Arrays.copyOf(state, RATE);
    }

    int rateTrit(int i) {
        return state[i];
    }

    int[] copyState() {
        return state.clone();
    }

    void setState(int[] source) {
        System.arraycopy(source, 0, state, 0, STATE);
    }

    /**
     * The Curl-P rounds. Output trit i combines the scratch trits at positions p(i) and p(i+1) with
     * p(i) = 364·i mod 729, which unrolls into p(2k-1) = 365 - k and p(2k) = 729 - k: no index table, and
     * the two buffers swap roles each round instead of being copied.
     */
    void transform() {
        int[] from = state;
        int[] to = scratch;
        for (int round = 0; round < rounds; round++) {
            to[0] = TRUTH_TABLE[from[0] + (from[364] << 2) + 5];
            for (int k = 1; k <= 364; k++) {
                int shared = from[729 - k];
                to[2 * k - 1] = TRUTH_TABLE[from[365 - k] + (shared << 2) + 5];
                to[2 * k] = TRUTH_TABLE[shared + (from[364 - k] << 2) + 5];
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        if (from != state) {
            System.arraycopy(from, 0, state, 0, STATE);
        }
    }

    /** H(x): a fresh Curl-P-27 sponge that absorbed {@code x}, its rate. */
    static int[] hash(int[] trits, int offset, int length) {
        return p27().absorb(trits, offset, length).rate();
    }

    static int[] hash(int[] trits) {
        return hash(trits, 0, trits.length);
    }
}
