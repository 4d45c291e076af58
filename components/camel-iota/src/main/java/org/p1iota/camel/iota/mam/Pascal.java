package org.p1iota.iota.mam;

/**
 * MAM's self-delimiting "pascal" encoding of non-negative integers (mam-v0-notes §6). Writing follows
 * mam.js (a zero tryte below the top one counts as non-negative and is flagged); reading accepts both
 * that and the Rust rule (flag only positive trytes), because the flags say what was negated.
 */
final class Pascal {

    static final int[] ZERO = {1, 0, 0, -1};
    /** The largest tryte count a decoder accepts: 27^12 is far beyond any payload a transaction carries. */
    private static final int MAX_TRYTES = 12;

    /** A decoded value and how many trits it took. */
    record Decoded(long value, int length) {
    }

    private Pascal() {
    }

    static int[] encode(long value) {
        if (value == 0) {
            return ZERO.clone();
        }
        int trits = 1;
        long max = 1; // (3^trits - 1) / 2
        while (max < value) {
            max = max * 3 + 1;
            trits++;
        }
        int trytes = (trits + 2) / 3;
        int[] digits = Trits.balanced(value, trytes * 3);
        long flags = 0;
        for (int i = 0; i < trytes; i++) {
            int tryte = Trits.tryteValue(digits, 3 * i);
            boolean last = i == trytes - 1;
            if (last ? tryte < 0 : tryte >= 0) {
                negate(digits, 3 * i);
                flags |= 1L << i;
            }
        }
        int[] encoded = new int[trytes * 4];
        System.arraycopy(digits, 0, encoded, 0, digits.length);
        System.arraycopy(Trits.balanced(flags, trytes), 0, encoded, digits.length, trytes);
        return encoded;
    }

    static int encodedLength(long value) {
        return encode(value).length;
    }

    /**
     * Reads one value from {@code trits[offset..end)}; never reads at or beyond {@code end}.
     *
     * @throws MamException PASCAL_UNTERMINATED when no terminating tryte is found within the end or 12
     *                      trytes, OUT_OF_BOUNDS when the flags run past the end or the value is negative
     */
    static Decoded decode(int[] trits, int offset, int end) throws MamException {
        if (end - offset >= 4 && trits[offset] == 1 && trits[offset + 1] == 0 && trits[offset + 2] == 0
                && trits[offset + 3] == -1) {
            return new Decoded(0, 4);
        }
        int trytes = 0;
        while (true) {
            int position = offset + 3 * trytes;
            if (position + 3 > end) {
                throw new MamException(MamException.Reason.PASCAL_UNTERMINATED,
                        "a length field at trit " + offset + " has no terminating tryte before the end of the payload");
            }
            trytes++;
            if (Trits.tryteValue(trits, position) > 0) {
                break;
            }
            if (trytes >= MAX_TRYTES) {
                throw new MamException(MamException.Reason.PASCAL_UNTERMINATED,
                        "a length field at trit " + offset + " does not end within " + MAX_TRYTES + " trytes");
            }
        }
        int flagsAt = offset + 3 * trytes;
        if (flagsAt + trytes > end) {
            throw new MamException(MamException.Reason.OUT_OF_BOUNDS,
                    "a length field at trit " + offset + " runs past the end of the payload");
        }
        long flags = Trits.value(trits, flagsAt, trytes);
        long value = 0;
        long scale = 1;
        for (int i = 0; i < trytes; i++) {
            int tryte = Trits.tryteValue(trits, offset + 3 * i);
            value += scale * (((flags >> i) & 1) != 0 ? -tryte : tryte);
            scale *= 27;
        }
        if (value < 0) {
            throw new MamException(MamException.Reason.OUT_OF_BOUNDS,
                    "a length field at trit " + offset + " decodes to a negative number");
        }
        return new Decoded(value, 4 * trytes);
    }

    private static void negate(int[] trits, int offset) {
        for (int i = offset; i < offset + 3; i++) {
            trits[i] = -trits[i];
        }
    }
}
