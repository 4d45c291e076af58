package org.p1iota.iota.pow;

/**
 * The trit order that makes a Curl round one sequential pass (see {@link ScalarCurlRound}): after
 * {@code r} rounds trit {@code x} is stored at {@code x * 364^r mod 729}, and round {@code r} writes
 * output position {@code n} from input positions {@code n} and {@code n + rotation(r)} (mod 729).
 */
final class RotatedLayout {

    /** MULTIPLIER[r] = 364^r mod 729. */
    private static final int[] MULTIPLIER = new int[SlicedTrits.ROUNDS + 1];

    static {
        MULTIPLIER[0] = 1;
        for (int r = 1; r < MULTIPLIER.length; r++) {
            MULTIPLIER[r] = MULTIPLIER[r - 1] * 364 % CurlRound.STATE_TRITS;
        }
    }

    private RotatedLayout() {
    }

    static int position(int trit, int roundsDone) {
        return trit * MULTIPLIER[roundsDone] % CurlRound.STATE_TRITS;
    }

    /** The distance of round {@code roundIndex}'s second input from its first, in positions. */
    static int rotation(int roundIndex) {
        return MULTIPLIER[roundIndex + 1];
    }
}
