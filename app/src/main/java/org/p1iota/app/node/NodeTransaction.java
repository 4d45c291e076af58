package org.p1iota.app.node;

import java.util.ArrayList;
import java.util.List;

import org.iota.jota.utils.Converter;
import org.p1iota.iota.transaction.TransactionHashes;

/**
 * One transaction as the node sees it: the raw 2673 trytes, its Curl-P-81 hash and the fields the
 * node validates, indexes and walks. Offsets follow IRI's transaction layout.
 */
public record NodeTransaction(String trytes, String hash, int weight, String address, long value,
                              boolean valueHighTritsZero, String obsoleteTag, long timestamp,
                              long currentIndex, long lastIndex, String bundle, String trunk,
                              String branch, String tag, long attachmentTimestamp) {

    public static final int TRYTES = 2673;
    public static final int HASH_TRYTES = 81;
    public static final String NULL_HASH = "9".repeat(HASH_TRYTES);
    public static final String EMPTY_TRYTES = "9".repeat(TRYTES);

    /** Value trits IRI accepts: the first 33 of the 81-trit value field; the rest must be zero. */
    static final int VALUE_USABLE_TRITS = 33;

    /** Parses trytes that already passed {@link #isTransactionTrytes}; computes the hash. */
    public static NodeTransaction parse(String trytes) {
        return parseAll(List.of(trytes)).get(0);
    }

    /** Parses many transactions, hashing them 64 at a time (see {@link TransactionHashes}). */
    public static List<NodeTransaction> parseAll(List<String> trytes) {
        List<String> hashes = TransactionHashes.of(trytes);
        List<NodeTransaction> parsed = new ArrayList<>(trytes.size());
        for (int i = 0; i < trytes.size(); i++) {
            parsed.add(stored(trytes.get(i), hashes.get(i)));
        }
        return parsed;
    }

    /**
     * Parses a transaction read back from the store, whose hash was computed when it was validated:
     * Curl-P-81 is most of the cost of parsing, so it is not repeated.
     */
    public static NodeTransaction stored(String trytes, String hash) {
        return parse(trytes, Converter.trits(trytes), Converter.trits(hash));
    }

    private static NodeTransaction parse(String trytes, int[] trits, int[] hashTrits) {
        int weight = 0;
        for (int i = hashTrits.length - 1; i >= 0 && hashTrits[i] == 0; i--) {
            weight++;
        }
        boolean highZero = true;
        for (int i = 2268 * 3 + VALUE_USABLE_TRITS; i < 2295 * 3; i++) {
            highZero &= trits[i] == 0;
        }
        return new NodeTransaction(trytes, Converter.trytes(hashTrits), weight,
                field(trytes, 2187, 81), number(trits, 2268, VALUE_USABLE_TRITS / 3), highZero,
                field(trytes, 2295, 27), number(trits, 2322, 9), number(trits, 2331, 9), number(trits, 2340, 9),
                field(trytes, 2349, 81), field(trytes, 2430, 81), field(trytes, 2511, 81), field(trytes, 2592, 27),
                number(trits, 2619, 9));
    }

    /** True when the text is exactly 2673 characters of {@code [9A-Z]}. */
    public static boolean isTransactionTrytes(String text) {
        return text != null && text.length() == TRYTES && isTrytes(text);
    }

    /** True when the text is exactly 81 characters of {@code [9A-Z]}. */
    public static boolean isHash(String text) {
        return text != null && text.length() == HASH_TRYTES && isTrytes(text);
    }

    static boolean isTrytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '9' && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** The last trit of the address; IRI requires it to be 0 on value transactions. */
    public int addressLastTrit() {
        int[] trits = Converter.trits(address.substring(80));
        return trits[2];
    }

    public boolean isTail() {
        return currentIndex == 0;
    }

    private static String field(String trytes, int offset, int length) {
        return trytes.substring(offset, offset + length);
    }

    private static long number(int[] trits, int tryteOffset, int tryteLength) {
        int[] slice = new int[tryteLength * 3];
        System.arraycopy(trits, tryteOffset * 3, slice, 0, slice.length);
        return Converter.longValue(slice);
    }
}
