package org.p1iota.iota.mam;

import org.p1iota.iota.curl.SlicedCurl;

/**
 * Finds the nonce exactly as mam.js does (mam-v0-notes §7), so that payloads are bit-identical to
 * its output: 64 lanes per counter step; lane i varies trits 0..3 with the base-3 digits of i (2 read
 * as -1); the counter in trits 54..80 is incremented before each step; the lowest lane whose hmac has
 * checksum security {@code s} wins, except that mam.js reads a win by lane 0 as "not found" and moves
 * on, which is copied here.
 */
final class NonceSearch {

    static final int NONCE_TRITS = 81;
    private static final int COUNTER_FROM = 54;
    private static final int PATTERN_TRITS = 4;
    /** 3^27 counter values exist; a million steps without a hit means something is broken, not unlucky. */
    private static final int MAX_STEPS = 1_000_000;

    private static final int[][] PATTERNS = new int[SlicedCurl.LANES][PATTERN_TRITS];

    static {
        for (int lane = 0; lane < SlicedCurl.LANES; lane++) {
            int digits = lane;
            for (int j = 0; j < PATTERN_TRITS; j++) {
                int digit = digits % 3;
                PATTERNS[lane][j] = digit == 2 ? -1 : digit;
                digits /= 3;
            }
        }
    }

    private NonceSearch() {
    }

    /** @param state the 729 trits of the masking sponge just before the nonce */
    static int[] find(int[] state, int security) {
        int[] candidate = new int[NONCE_TRITS];
        System.arraycopy(state, 0, candidate, 0, NONCE_TRITS);
        SlicedCurl curl = new SlicedCurl();
        for (int step = 0; step < MAX_STEPS; step++) {
            Trits.increment(candidate, COUNTER_FROM, NONCE_TRITS - COUNTER_FROM);
            for (int i = 0; i < CurlP.STATE; i++) {
                curl.broadcast(i, i < NONCE_TRITS ? candidate[i] : state[i]);
            }
            for (int lane = 0; lane < SlicedCurl.LANES; lane++) {
                for (int j = 0; j < PATTERN_TRITS; j++) {
                    curl.set(lane, j, PATTERNS[lane][j]);
                }
            }
            curl.transform();
            int winner = lowestLane(curl, security);
            if (winner > 0) {
                System.arraycopy(PATTERNS[winner], 0, candidate, 0, PATTERN_TRITS);
                return candidate;
            }
        }
        throw new IllegalStateException("no MAM nonce found in " + MAX_STEPS + " steps");
    }

    private static int lowestLane(SlicedCurl curl, int security) {
        for (int lane = 0; lane < SlicedCurl.LANES; lane++) {
            int sum = 0;
            int level = 0;
            for (int i = 0; i < 3 * 81; i++) {
                sum += curl.get(lane, i);
                if (i % 81 == 80) {
                    level++;
                    if (sum == 0) {
                        break;
                    }
                }
            }
            if (sum == 0 && level == security) {
                return lane;
            }
        }
        return -1;
    }
}
