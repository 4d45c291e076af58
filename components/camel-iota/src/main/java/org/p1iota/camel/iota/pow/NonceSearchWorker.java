package org.p1iota.camel.iota.pow;

/**
 * One search thread. The nonce is the last 81 trits of the transaction, i.e. trits 162..242 of the
 * last absorbed block, and is split so that no two candidates anywhere are equal:
 * <ul>
 * <li>6 lane trits (162..167): differ per bit lane, fixed for the whole search;</li>
 * <li>5 thread trits (168..172): this worker's subspace, fixed;</li>
 * <li>70 counter trits (173..242): the same in all lanes, counted up by one after every batch.</li>
 * </ul>
 * The state after absorbing the first 32 blocks is computed once per search; per batch only the last
 * block's 81 rounds run, the first one reading straight from the template (whose counter trits are
 * updated in place), the rest alternating between two buffers. The last rounds compute only the
 * trits the weight check depends on ({@link HashCone}).
 */
final class NonceSearchWorker implements Runnable {

    static final int NONCE_TRITS = 81;
    static final int NONCE_START = CurlRound.HASH_TRITS - NONCE_TRITS;
    static final int LANE_TRITS = 6;
    static final int THREAD_TRITS = 5;
    static final int MAX_THREADS = 243;
    static final int COUNTER_START = NONCE_START + LANE_TRITS + THREAD_TRITS;

    private final CurlRound round;
    private final int words;
    private final NonceSearchRun run;
    private final int[] fixedNonceTrits = new int[COUNTER_START - NONCE_START];
    private final int[] counter = new int[CurlRound.HASH_TRITS - COUNTER_START];
    private final long[] templateLow;
    private final long[] templateHigh;
    private final long[] low;
    private final long[] high;
    private final long[] spareLow;
    private final long[] spareHigh;
    private final int[][] lastRounds;
    private final int fullRounds;
    /** Word offsets of the hash trits that must be zero, the last trit first. */
    private final int[] checkedPositions;

    /**
     * @param prefix    the state after the first 32 blocks, the same in all lanes (not modified)
     * @param lastBlock trits 7776..8018 of the transaction, nonce included (its value is ignored)
     */
    NonceSearchWorker(CurlRound round, SlicedCurlState prefix, int[] lastBlock, int threadIndex,
                      int minWeightMagnitude, NonceSearchRun run) {
        this.round = round;
        this.words = round.wordsPerTrit();
        this.run = run;
        this.lastRounds = HashCone.lastRounds(minWeightMagnitude, round);
        this.fullRounds = SlicedCurlState.ROUNDS - lastRounds.length;
        this.checkedPositions = new int[minWeightMagnitude];
        for (int i = 0; i < minWeightMagnitude; i++) {
            checkedPositions[i] = round.position(CurlRound.HASH_TRITS - 1 - i, SlicedCurlState.ROUNDS) * words;
        }
        templateLow = prefix.copyLow(words);
        templateHigh = prefix.copyHigh(words);
        low = new long[templateLow.length];
        high = new long[templateLow.length];
        spareLow = new long[templateLow.length];
        spareHigh = new long[templateLow.length];
        for (int i = 0; i < NONCE_START; i++) {
            SlicedCurlState.setInAllLanes(templateLow, templateHigh, words, i, lastBlock[i]);
        }
        writeLaneTrits();
        writeDigits(threadIndex, NONCE_START + LANE_TRITS, THREAD_TRITS);
        for (int i = COUNTER_START; i < CurlRound.HASH_TRITS; i++) {
            SlicedCurlState.setInAllLanes(templateLow, templateHigh, words, i, 0);
        }
    }

    /** Lane n (word n/64, bit n%64) gets the base-3 digits of n, each minus one, as its lane trits. */
    private void writeLaneTrits() {
        for (int digit = 0; digit < LANE_TRITS; digit++) {
            int at = (NONCE_START + digit) * words;
            int place = pow3(digit);
            for (int w = 0; w < words; w++) {
                long l = 0;
                long h = 0;
                for (int bit = 0; bit < 64; bit++) {
                    int trit = ((w * 64 + bit) / place) % 3 - 1;
                    l |= trit != 1 ? 1L << bit : 0;
                    h |= trit != -1 ? 1L << bit : 0;
                }
                templateLow[at + w] = l;
                templateHigh[at + w] = h;
            }
        }
    }

    private void writeDigits(int value, int start, int count) {
        for (int digit = 0; digit < count; digit++) {
            int trit = (value / pow3(digit)) % 3 - 1;
            fixedNonceTrits[start - NONCE_START + digit] = trit;
            SlicedCurlState.setInAllLanes(templateLow, templateHigh, words, start + digit, trit);
        }
    }

    private static int pow3(int exponent) {
        int p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= 3;
        }
        return p;
    }

    @Override
    public void run() {
        long batches = 0;
        try {
            while (!run.isStopped()) {
                int lane = searchBatch();
                batches++;
                if (lane >= 0) {
                    run.offer(nonceOf(lane));
                    return;
                }
                incrementCounter();
            }
        } catch (Throwable t) {
            run.fail(t);
        } finally {
            run.workerEnded(batches * 64L * words);
        }
    }

    /** Runs the 81 rounds for all lanes; returns the first lane whose hash qualifies, or -1. */
    private int searchBatch() {
        long[] sourceLow = templateLow;
        long[] sourceHigh = templateHigh;
        long[] targetLow = low;
        long[] targetHigh = high;
        long[] otherLow = spareLow;
        long[] otherHigh = spareHigh;
        for (int r = 0; r < SlicedCurlState.ROUNDS; r++) {
            int cone = r - fullRounds;
            if (cone < 0) {
                round.round(r, sourceLow, sourceHigh, targetLow, targetHigh);
            } else {
                round.selectedOutputs(sourceLow, sourceHigh, targetLow, targetHigh, lastRounds[cone]);
            }
            // the template is read by the first round only; after that the two buffers alternate
            sourceLow = targetLow;
            sourceHigh = targetHigh;
            targetLow = otherLow;
            targetHigh = otherHigh;
            otherLow = sourceLow;
            otherHigh = sourceHigh;
        }
        for (int w = 0; w < words; w++) {
            long zeroInLane = -1L;
            for (int i = 0; i < checkedPositions.length && zeroInLane != 0; i++) {
                // trit 0 has both bits set; -1 and 1 have them different
                zeroInLane &= ~(sourceLow[checkedPositions[i] + w] ^ sourceHigh[checkedPositions[i] + w]);
            }
            if (zeroInLane != 0) {
                return w * 64 + Long.numberOfTrailingZeros(zeroInLane);
            }
        }
        return -1;
    }

    /** Balanced-ternary +1 on the counter, written to the template where trits changed. */
    private void incrementCounter() {
        for (int i = 0; i < counter.length; i++) {
            int trit = counter[i] == 1 ? -1 : counter[i] + 1;
            counter[i] = trit;
            SlicedCurlState.setInAllLanes(templateLow, templateHigh, words, COUNTER_START + i, trit);
            if (trit != -1) {
                return;
            }
        }
    }

    private int[] nonceOf(int lane) {
        int[] nonce = new int[NONCE_TRITS];
        for (int i = 0; i < LANE_TRITS; i++) {
            nonce[i] = SlicedCurlState.tritAt(templateLow, templateHigh, words, NONCE_START + i, lane);
        }
        System.arraycopy(fixedNonceTrits, LANE_TRITS, nonce, LANE_TRITS, THREAD_TRITS);
        System.arraycopy(counter, 0, nonce, LANE_TRITS + THREAD_TRITS, counter.length);
        return nonce;
    }
}
