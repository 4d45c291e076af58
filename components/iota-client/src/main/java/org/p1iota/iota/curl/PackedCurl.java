package org.p1iota.iota.curl;

import java.util.Arrays;

/**
 * Curl-P for one state, all 729 trits in a few words: the low bits and the high bits of the trits
 * (0 = both set, +1 = high only, -1 = low only) are each a 729-bit vector. After {@code r} rounds trit
 * {@code x} is stored at {@code x * 364^r mod 729}; in that layout a round pairs every position
 * {@code n} with position {@code n + rotation}, so it is one rotation of the vector and the S-box on 12
 * words at a time: about 200 word operations per round instead of 729 trit operations. The proof of
 * work uses it for the first 32 blocks of a transaction, which are the same for every candidate (the
 * bit-sliced kernels would spend 64 or more lanes on one state there); MAM's scalar sponge runs its
 * rounds here ({@link #transform(int[])}).
 * <p>
 * Each vector is stored twice in a row (bits 0..728 and 729..1457), so the rotated operand is a
 * contiguous 729-bit window. Not thread-safe.
 */
public final class PackedCurl {

    private static final int TRITS = SlicedCurl.STATE;
    private static final int RATE = SlicedCurl.RATE;
    private static final int WORDS = (TRITS + 63) / 64;          // 12, the last holding 25 bits
    private static final int LAST_BITS = TRITS - 64 * (WORDS - 1); // 25
    private static final long LAST_MASK = (1L << LAST_BITS) - 1;
    private static final int DOUBLED_WORDS = (2 * TRITS + 63) / 64 + 2;

    private final int rounds;
    private final long[] low = new long[DOUBLED_WORDS];
    private final long[] high = new long[DOUBLED_WORDS];
    private final long[] rotatedLow = new long[WORDS];
    private final long[] rotatedHigh = new long[WORDS];
    private final long[] nextLow = new long[WORDS];
    private final long[] nextHigh = new long[WORDS];
    /** Trit x is at position {@code x * multiplier mod 729}. */
    private int multiplier = 1;
    /** Where each trit is after one transform from the natural order ({@link #transform(int[])}). */
    private int[] transformed;

    /** Curl-P-81's initial state: all trits zero (both bits set). */
    public PackedCurl() {
        this(SlicedCurl.ROUNDS_81);
    }

    public PackedCurl(int rounds) {
        this.rounds = rounds;
        Arrays.fill(nextLow, -1L);
        Arrays.fill(nextHigh, -1L);
        store(nextLow, low);
        store(nextHigh, high);
    }

    /**
     * One transform of a whole state kept as trits in natural order, in place: packs it, runs the rounds
     * and unpacks it, several times faster than the rounds on the trits themselves.
     */
    public void transform(int[] state) {
        Arrays.fill(nextLow, -1L);
        Arrays.fill(nextHigh, -1L);
        for (int x = 0; x < TRITS; x++) {
            int trit = state[x];
            if (trit == 1) {
                nextLow[x >>> 6] &= ~(1L << (x & 63));
            } else if (trit == -1) {
                nextHigh[x >>> 6] &= ~(1L << (x & 63));
            }
        }
        store(nextLow, low);
        store(nextHigh, high);
        multiplier = 1;
        transform();
        if (transformed == null) {
            transformed = new int[TRITS];
            for (int x = 0; x < TRITS; x++) {
                transformed[x] = position(x);
            }
        }
        for (int x = 0; x < TRITS; x++) {
            int p = transformed[x];
            long l = low[p >>> 6] >>> (p & 63) & 1;
            long h = high[p >>> 6] >>> (p & 63) & 1;
            state[x] = (int) (h - l);
        }
    }

    /** Absorbs 243-trit blocks from {@code trits}: overwrite the rate, transform, for each block. */
    public void absorb(int[] trits, int offset, int length) {
        for (int block = offset; block < offset + length; block += RATE) {
            for (int i = 0; i < RATE; i++) {
                set(i, trits[block + i]);
            }
            transform();
        }
    }

    /** Trit {@code index} (natural order) of the state: -1, 0 or 1. */
    public int trit(int index) {
        int p = position(index);
        boolean l = bit(low, p);
        boolean h = bit(high, p);
        return l == h ? 0 : l ? -1 : 1;
    }

    /** The whole state in natural order. */
    public int[] trits() {
        int[] state = new int[TRITS];
        for (int i = 0; i < TRITS; i++) {
            state[i] = trit(i);
        }
        return state;
    }

    public void transform() {
        for (int r = 0; r < rounds; r++) {
            int rotation = 364 * multiplier % TRITS;
            window(low, rotation, rotatedLow);
            window(high, rotation, rotatedHigh);
            for (int w = 0; w < WORDS; w++) {
                long aLow = low[w];
                long bHigh = rotatedHigh[w];
                long x = (aLow | ~bHigh) & (rotatedLow[w] ^ high[w]);
                nextLow[w] = ~x;
                nextHigh[w] = (aLow ^ bHigh) | x;
            }
            store(nextLow, low);
            store(nextHigh, high);
            multiplier = rotation;
        }
    }

    private int position(int trit) {
        return trit * multiplier % TRITS;
    }

    private void set(int trit, int value) {
        int p = position(trit);
        setBit(low, p, value != 1);
        setBit(high, p, value != -1);
    }

    private static void setBit(long[] doubled, int position, boolean on) {
        for (int p = position; p < 2 * TRITS; p += TRITS) {
            long bit = 1L << (p & 63);
            doubled[p >>> 6] = on ? doubled[p >>> 6] | bit : doubled[p >>> 6] & ~bit;
        }
    }

    private static boolean bit(long[] doubled, int position) {
        return (doubled[position >>> 6] >>> (position & 63) & 1) != 0;
    }

    /** Bits {@code start .. start+728} of the doubled vector into 12 words. */
    private static void window(long[] doubled, int start, long[] out) {
        int word = start >>> 6;
        int shift = start & 63;
        if (shift == 0) {
            System.arraycopy(doubled, word, out, 0, WORDS);
        } else {
            for (int w = 0; w < WORDS; w++) {
                out[w] = (doubled[word + w] >>> shift) | (doubled[word + w + 1] << (64 - shift));
            }
        }
        out[WORDS - 1] &= LAST_MASK;
    }

    /** A 729-bit vector (12 words) into both halves of the doubled one. */
    private static void store(long[] vector, long[] doubled) {
        vector[WORDS - 1] &= LAST_MASK;
        System.arraycopy(vector, 0, doubled, 0, WORDS - 1);
        // bit 729 is bit 25 of word 11: the second copy is the vector shifted left by 25 bits from there
        doubled[WORDS - 1] = vector[WORDS - 1] | (vector[0] << LAST_BITS);
        for (int w = 1; w < WORDS; w++) {
            doubled[WORDS - 1 + w] = (vector[w - 1] >>> (64 - LAST_BITS)) | (vector[w] << LAST_BITS);
        }
        for (int w = 2 * WORDS - 1; w < doubled.length; w++) {
            doubled[w] = 0;
        }
    }
}
