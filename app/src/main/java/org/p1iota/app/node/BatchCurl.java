package org.p1iota.app.node;

import java.util.ArrayList;
import java.util.List;

/**
 * Curl-P-81 hashes of up to 64 transactions at once, bit-sliced: each trit of the 729-trit state is
 * a pair of longs (low, high) whose bit i belongs to transaction i, so one pass of the 81-round
 * transform hashes 64 transactions (0 = both bits set, 1 = high only, -1 = low only). Hashing is most
 * of the cost of validating a transaction; storeTransactions batches use this.
 */
final class BatchCurl {

    private static final int STATE = 729;
    private static final int RATE = 243;
    private static final int ROUNDS = 81;
    private static final int LANES = 64;

    private BatchCurl() {
    }

    /** The 243-trit hash of each input (8019 trits each). */
    static List<int[]> hash(List<int[]> inputs) {
        List<int[]> hashes = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += LANES) {
            hashes.addAll(hashLanes(inputs.subList(from, Math.min(inputs.size(), from + LANES))));
        }
        return hashes;
    }

    private static List<int[]> hashLanes(List<int[]> lanes) {
        long[] low = new long[STATE];
        long[] high = new long[STATE];
        java.util.Arrays.fill(low, -1L);
        java.util.Arrays.fill(high, -1L);
        long[] scratchLow = new long[STATE];
        long[] scratchHigh = new long[STATE];
        int length = lanes.get(0).length;
        for (int offset = 0; offset < length; offset += RATE) {
            for (int t = 0; t < RATE; t++) {
                long l = -1L;
                long h = -1L;
                for (int lane = 0; lane < lanes.size(); lane++) {
                    int trit = lanes.get(lane)[offset + t];
                    long bit = 1L << lane;
                    if (trit == 1) {
                        l &= ~bit;
                    } else if (trit == -1) {
                        h &= ~bit;
                    }
                }
                low[t] = l;
                high[t] = h;
            }
            transform(low, high, scratchLow, scratchHigh);
        }
        List<int[]> hashes = new ArrayList<>(lanes.size());
        for (int lane = 0; lane < lanes.size(); lane++) {
            int[] hash = new int[RATE];
            long bit = 1L << lane;
            for (int t = 0; t < RATE; t++) {
                boolean l = (low[t] & bit) != 0;
                boolean h = (high[t] & bit) != 0;
                hash[t] = l && h ? 0 : (h ? 1 : -1);
            }
            hashes.add(hash);
        }
        return hashes;
    }

    private static void transform(long[] low, long[] high, long[] scratchLow, long[] scratchHigh) {
        int index = 0;
        for (int round = 0; round < ROUNDS; round++) {
            System.arraycopy(low, 0, scratchLow, 0, STATE);
            System.arraycopy(high, 0, scratchHigh, 0, STATE);
            for (int i = 0; i < STATE; i++) {
                long alpha = scratchLow[index];
                long beta = scratchHigh[index];
                index += index < 365 ? 364 : -365;
                long gamma = scratchHigh[index];
                long delta = (alpha | ~gamma) & (scratchLow[index] ^ beta);
                low[i] = ~delta;
                high[i] = (alpha ^ gamma) | delta;
            }
        }
    }
}
