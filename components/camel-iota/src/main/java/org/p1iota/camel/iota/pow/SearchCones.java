package org.p1iota.iota.pow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partial rounds of a search with one kernel, worked out once per engine rather than per search:
 * the forward cones of the low counter digits ({@link ForwardCone}) and, per MWM, the last rounds
 * ({@link HashCone}).
 */
final class SearchCones {

    /** Counter digits whose forward cones are prepared; a later digit changes once in 3^8 batches. */
    static final int CONE_DIGITS = 8;

    private final CurlRound kernel;
    private final int[][][] forwardCones;
    private final Map<Integer, int[][]> lastRounds = new ConcurrentHashMap<>();

    SearchCones(CurlRound kernel) {
        this.kernel = kernel;
        int rounds = ForwardCone.partialRounds(kernel);
        this.forwardCones = new int[CONE_DIGITS][][];
        for (int digit = 0; digit < CONE_DIGITS; digit++) {
            forwardCones[digit] = ForwardCone.firstRounds(NonceSearchWorker.COUNTER_START + digit, rounds, kernel);
        }
    }

    /** Per counter digit, per first round: the trits that changing that digit changes. Shared, read only. */
    int[][][] forwardCones() {
        return forwardCones;
    }

    /** The last rounds for this MWM. Shared, read only. */
    int[][] lastRounds(int minWeightMagnitude) {
        return lastRounds.computeIfAbsent(minWeightMagnitude, mwm -> HashCone.lastRounds(mwm, kernel));
    }
}
