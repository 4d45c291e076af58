package org.p1iota.iota.pow;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * Storage for several bit-sliced Curl states: one array of low words and one of high words, state
 * {@code i} starting at word {@link #offset(int)} of both.
 * <p>
 * Why not one array per state: a SIMD register of 64 bytes loaded from an address that is not a
 * multiple of 64 spans two cache lines, and the vector kernel then runs about a quarter slower
 * (measured 3.4-3.6 against 4.1-4.7 million trials per second, depending only on where the JVM happened
 * to place the arrays). Java offers no aligned arrays, but G1 places an array of at least half a heap
 * region ("humongous") at the start of a region, so its element 6 (after the 16-byte header) is
 * 64-byte aligned. With {@code aligned} set the arrays are made that large and every state starts at a
 * multiple of 64 bytes from there; with another collector the placement is left to chance, as before.
 */
final class SlicedStates {

    /** Words before the first state: 16 header bytes + 48 = 64. */
    private static final int FIRST_WORD = 6;
    private static final int WORDS_PER_LINE = 8;
    /** Larger regions would hold too much memory per search thread for an alignment gain. */
    private static final long MAX_PADDED_BYTES = 8L << 20;

    final long[] low;
    final long[] high;
    private final int stride;

    /**
     * @param states       how many states
     * @param wordsPerTrit the kernel's words per trit
     * @param aligned      make the arrays large enough for G1 to align them (see class comment)
     */
    SlicedStates(int states, int wordsPerTrit, boolean aligned) {
        int words = CurlRound.STATE_TRITS * wordsPerTrit;
        this.stride = (words + WORDS_PER_LINE - 1) / WORDS_PER_LINE * WORDS_PER_LINE;
        int length = FIRST_WORD + states * stride;
        long humongous = aligned ? humongousBytes() : 0;
        if (humongous <= MAX_PADDED_BYTES) {
            // with larger regions padding would cost more memory than alignment gains: left to chance
            length = (int) Math.max(length, humongous / Long.BYTES);
        }
        low = new long[length];
        high = new long[length];
    }

    /** The word offset of state {@code state} in {@link #low} and {@link #high}. */
    int offset(int state) {
        return FIRST_WORD + state * stride;
    }

    /** Half a G1 region plus a line: the smallest array G1 allocates region-aligned; 0 with another GC. */
    private static long humongousBytes() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!Boolean.parseBoolean(hotSpot.getVMOption("UseG1GC").getValue())) {
                return 0;
            }
            return Long.parseLong(hotSpot.getVMOption("G1HeapRegionSize").getValue()) / 2 + 64;
        } catch (RuntimeException | LinkageError e) {
            return 0; // not HotSpot, or the management module is absent: placement left to chance
        }
    }
}
