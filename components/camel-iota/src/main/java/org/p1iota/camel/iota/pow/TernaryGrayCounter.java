package org.p1iota.iota.pow;

/**
 * A counter whose successive values differ in exactly one trit: the modular ternary Gray code of a
 * base-3 count. Trit {@code i} is {@code (d[i] - d[i+1]) mod 3} shifted to -1..1, {@code d} being the
 * count's base-3 digits; adding one to the count changes only the trit at the position of the first
 * digit that does not carry. The nonce search counts with it so that each batch differs from the one
 * before in a single input trit, whose few dependent trits in the first rounds are all that must be
 * recomputed ({@link ForwardCone}). Distinct counts give distinct trit patterns (the code is a
 * bijection), so no candidate is hashed twice.
 */
final class TernaryGrayCounter {

    private final int[] digits;
    private final int[] trits;

    /** @param length trits; all start at -1 (count zero) */
    TernaryGrayCounter(int length) {
        digits = new int[length];
        trits = new int[length];
        java.util.Arrays.fill(trits, -1);
    }

    /**
     * Counts one up.
     *
     * @return the index of the one trit that changed, or -1 when the counter wrapped around (every value
     *         used; with 70 trits that takes 3^70 steps, so only tests see it)
     */
    int increment() {
        for (int i = 0; i < digits.length; i++) {
            if (digits[i] < 2) {
                digits[i]++;
                trits[i] = trits[i] == 1 ? -1 : trits[i] + 1;
                return i;
            }
            digits[i] = 0;
        }
        return -1;
    }

    int trit(int index) {
        return trits[index];
    }

    int length() {
        return trits.length;
    }

    /** All trits, -1..1, index 0 first. */
    int[] trits() {
        return trits.clone();
    }
}
