package org.p1iota.iota.pow;

/** Checks on raw transaction trytes shared by the proof-of-work code. */
public final class TransactionTrytes {

    public static final int LENGTH = 2673;

    private TransactionTrytes() {
    }

    /** @throws IllegalArgumentException unless the text is 2673 characters of {@code [9A-Z]} */
    public static void requireTransaction(String trytes) {
        if (trytes == null || trytes.length() != LENGTH) {
            throw new IllegalArgumentException("a transaction is " + LENGTH + " trytes, got "
                    + (trytes == null ? "null" : trytes.length()));
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = trytes.charAt(i);
            if (c != '9' && (c < 'A' || c > 'Z')) {
                throw new IllegalArgumentException("invalid tryte '" + c + "' at offset " + i);
            }
        }
    }
}
