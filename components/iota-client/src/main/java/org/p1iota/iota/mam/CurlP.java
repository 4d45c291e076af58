package org.p1iota.iota.mam;

import java.util.Arrays;

import org.p1iota.iota.curl.PackedCurl;

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

    private final int[] state = new int[STATE];
    private final PackedCurl packed;

    CurlP(int rounds) {
        this.packed = new PackedCurl(rounds);
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

    /** The Curl-P rounds, on the packed state ({@link PackedCurl}): most of MAM's reading time is here. */
    void transform() {
        packed.transform(state);
    }

    /** H(x): a fresh Curl-P-27 sponge that absorbed {@code x}, its rate. */
    static int[] hash(int[] trits, int offset, int length) {
        return p27().absorb(trits, offset, length).rate();
    }

    static int[] hash(int[] trits) {
        return hash(trits, 0, trits.length);
    }
}
