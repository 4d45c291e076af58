package org.p1iota.iota.mam;

/** Checks of tryte strings that come from outside (roots, seeds, side keys, messages), with clear errors. */
public final class MamTrytes {

    /** The longest message both references can exchange: its trit length must stay ≤ 265,720 (notes §6). */
    public static final int MAX_MESSAGE_TRYTES = 88_573;

    private MamTrytes() {
    }

    /** Checks that {@code trytes} is an 81-tryte hash (a root, a seed); {@code what} names it in the error. */
    public static void requireHash(String what, String trytes) throws MamException {
        hash(what, trytes);
    }

    /** An 81-tryte hash (root, seed): its 243 trits. */
    static int[] hash(String what, String trytes) throws MamException {
        if (trytes == null || trytes.length() != Trits.HASH_TRYTES || !Trits.isTrytes(trytes)) {
            throw new MamException(MamException.Reason.INVALID_TRYTES,
                    what + " must be " + Trits.HASH_TRYTES + " trytes (9, A-Z), got "
                            + (trytes == null ? "nothing" : trytes.length() + " characters"));
        }
        return Trits.fromTrytes(trytes);
    }

    /**
     * A side key as the references use it: up to 81 trytes, right-padded with {@code 9}. Null or empty
     * is the default all-9 key of public and private channels.
     */
    public static String padSideKey(String sideKey) throws MamException {
        String key = sideKey == null ? "" : sideKey;
        if (key.length() > Trits.HASH_TRYTES || !Trits.isTrytes(key)) {
            throw new MamException(MamException.Reason.INVALID_TRYTES,
                    "side key must be at most " + Trits.HASH_TRYTES + " trytes (9, A-Z)");
        }
        return key + "9".repeat(Trits.HASH_TRYTES - key.length());
    }

    /** Message trytes for a new payload: the alphabet and the size limit. */
    static int[] message(String trytes) throws MamException {
        if (trytes == null || !Trits.isTrytes(trytes)) {
            throw new MamException(MamException.Reason.INVALID_TRYTES, "a message must be trytes (9, A-Z)");
        }
        if (trytes.length() > MAX_MESSAGE_TRYTES) {
            throw new MamException(MamException.Reason.MESSAGE_TOO_LONG, "a message may have at most "
                    + MAX_MESSAGE_TRYTES + " trytes (both reference readers agree only up to there), got " + trytes.length());
        }
        return Trits.fromTrytes(trytes);
    }
}
