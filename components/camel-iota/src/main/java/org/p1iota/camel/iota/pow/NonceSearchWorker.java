package org.p1iota.iota.pow;

/**
 * One search thread. The nonce is the last 81 trits of the transaction, i.e. trits 162..242 of the
 * last absorbed block, and is split so that no two candidates anywhere are equal:
 * <ul>
 * <li>6 lane trits (162..167): differ per bit lane, fixed for the whole search;</li>
 * <li>5 thread trits (168..172): this worker's subspace, fixed;</li>
 * <li>70 counter trits (173..242): the same in all lanes, a {@link TernaryGrayCounter} advanced after
 * every batch, so that consecutive batches differ in exactly one trit.</li>
 * </ul>
 * The state after absorbing the first 32 blocks is computed once per search. Per batch only the last
 * block's 81 rounds run: the first rounds keep their results from the batch before and recompute only
 * the trits that depend on the changed counter trit ({@link ForwardCone}); the middle rounds run in full
 * (in place with a kernel that can, else alternating between two states); the last rounds compute only the trits the weight check depends on
 * ({@link HashCone}).
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
    private final TernaryGrayCounter counter = new TernaryGrayCounter(CurlRound.HASH_TRITS - COUNTER_START);
    /** Low and high words of: the template, the work state, the spare, then the kept states. */
    private final long[] low;
    private final long[] high;
    private final int template;
    private final int work;
    private final int spare;
    /** The state after each of the first rounds, kept from batch to batch. */
    private final int[] kept;
    private final int[][] lastRounds;
    /** Per counter digit, per kept round: the trits that changing that digit changes. */
    private final int[][][] forwardCones;
    private final int fullRoundsEnd;
    /** Word offsets of the hash trits that must be zero, the last trit first. */
    private final int[] checkedPositions;

    /**
     * @param prefix    the state after the first 32 blocks, natural order (not modified)
     * @param lastBlock trits 7776..8018 of the transaction, nonce included (its value is ignored)
     * @param states    this worker's storage, {@link #statesNeeded} states for this kernel; overwritten
     * @param cones     the partial rounds for this kernel ({@link SearchCones})
     */
    NonceSearchWorker(CurlRound round, int[] prefix, int[] lastBlock, int threadIndex,
                      int minWeightMagnitude, NonceSearchRun run, SlicedStates states, SearchCones cones) {
        this.round = round;
        this.words = round.wordsPerTrit();
        this.run = run;
        this.lastRounds = cones.lastRounds(minWeightMagnitude);
        this.fullRoundsEnd = SlicedTrits.ROUNDS - lastRounds.length;
        this.forwardCones = cones.forwardCones();
        int keptRounds = Math.min(forwardCones[0].length, fullRoundsEnd - 1);
        this.checkedPositions = new int[minWeightMagnitude];
        for (int i = 0; i < minWeightMagnitude; i++) {
            checkedPositions[i] = round.position(CurlRound.HASH_TRITS - 1 - i, SlicedTrits.ROUNDS) * words;
        }
        this.low = states.low;
        this.high = states.high;
        this.template = states.offset(0);
        this.work = states.offset(1);
        this.spare = states.offset(2);
        this.kept = new int[keptRounds];
        for (int r = 0; r < keptRounds; r++) {
            kept[r] = states.offset(3 + r);
        }
        for (int i = 0; i < CurlRound.STATE_TRITS; i++) {
            // the nonce trits (NONCE_START..242) are written below
            int trit = i < NONCE_START ? lastBlock[i] : prefix[i];
            SlicedTrits.setInAllLanes(low, high, template, words, i, trit);
        }
        writeLaneTrits();
        writeDigits(threadIndex, NONCE_START + LANE_TRITS, THREAD_TRITS);
        for (int i = 0; i < counter.length(); i++) {
            SlicedTrits.setInAllLanes(low, high, template, words, COUNTER_START + i, counter.trit(i));
        }
    }

    /** How many states a worker needs with this kernel (for {@link SlicedStates}). */
    static int statesNeeded(CurlRound round) {
        return 3 + ForwardCone.partialRounds(round);
    }

    /** Lane n (word n/64, bit n%64) gets the base-3 digits of n, each minus one, as its lane trits. */
    private void writeLaneTrits() {
        for (int digit = 0; digit < LANE_TRITS; digit++) {
            int at = template + (NONCE_START + digit) * words;
            int place = pow3(digit);
            for (int w = 0; w < words; w++) {
                long l = 0;
                long h = 0;
                for (int bit = 0; bit < 64; bit++) {
                    int trit = ((w * 64 + bit) / place) % 3 - 1;
                    l |= trit != 1 ? 1L << bit : 0;
                    h |= trit != -1 ? 1L << bit : 0;
                }
                low[at + w] = l;
                high[at + w] = h;
            }
        }
    }

    private void writeDigits(int value, int start, int count) {
        for (int digit = 0; digit < count; digit++) {
            int trit = (value / pow3(digit)) % 3 - 1;
            fixedNonceTrits[start - NONCE_START + digit] = trit;
            SlicedTrits.setInAllLanes(low, high, template, words, start + digit, trit);
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
            int changedDigit = -1; // the first batch computes everything
            while (!run.isStopped()) {
                int lane = searchBatch(changedDigit);
                batches++;
                if (lane >= 0) {
                    run.offer(nonceOf(lane));
                    return;
                }
                changedDigit = counter.increment();
                if (changedDigit < 0) {
                    return; // 3^70 batches: this thread's subspace is exhausted
                }
                SlicedTrits.setInAllLanes(low, high, template, words, COUNTER_START + changedDigit,
                        counter.trit(changedDigit));
            }
        } catch (Throwable t) {
            run.fail(t);
        } finally {
            run.workerEnded(batches * 64L * words);
        }
    }

    /**
     * Runs the 81 rounds for all lanes; returns the first lane whose hash qualifies, or -1.
     *
     * @param changedDigit the counter digit changed since the last batch, -1 when unknown
     */
    private int searchBatch(int changedDigit) {
        int[][] cones = changedDigit >= 0 && changedDigit < forwardCones.length ? forwardCones[changedDigit] : null;
        // One call site per kernel method, on purpose: C2 inlines the kernel into this loop, and with more
        // sites the vector operations outgrew its inlining budget, were no longer intrinsified and ran as
        // allocating Java code (the search's fixed cost doubled once this method was compiled).
        int source = template;
        int target = kept.length > 0 ? kept[0] : work;
        for (int r = 0; r < SlicedTrits.ROUNDS; r++) {
            int cone = r - fullRoundsEnd;
            int[] selection = r < kept.length ? (cones == null ? null : cones[r]) : cone >= 0 ? lastRounds[cone] : null;
            if (selection == null) {
                round.round(r, low, high, source, target);
            } else {
                round.selectedOutputs(low, high, source, target, selection);
            }
            source = target;
            if (r + 1 < kept.length) {
                target = kept[r + 1];
            } else if (r + 1 == kept.length) {
                target = work;
            } else if (!(round.inPlace() && cone < -1)) {
                // after the first full round the work state and the spare alternate, or, with a kernel
                // that works in place, full rounds stay in the work state
                target = target == work ? spare : work;
            }
        }
        for (int w = 0; w < words; w++) {
            long zeroInLane = -1L;
            for (int i = 0; i < checkedPositions.length && zeroInLane != 0; i++) {
                // trit 0 has both bits set; -1 and 1 have them different
                int at = source + checkedPositions[i] + w;
                zeroInLane &= ~(low[at] ^ high[at]);
            }
            if (zeroInLane != 0) {
                return w * 64 + Long.numberOfTrailingZeros(zeroInLane);
            }
        }
        return -1;
    }

    private int[] nonceOf(int lane) {
        int[] nonce = new int[NONCE_TRITS];
        for (int i = 0; i < LANE_TRITS; i++) {
            nonce[i] = SlicedTrits.tritAt(low, high, template, words, NONCE_START + i, lane);
        }
        System.arraycopy(fixedNonceTrits, LANE_TRITS, nonce, LANE_TRITS, THREAD_TRITS);
        System.arraycopy(counter.trits(), 0, nonce, LANE_TRITS + THREAD_TRITS, counter.length());
        return nonce;
    }
}
