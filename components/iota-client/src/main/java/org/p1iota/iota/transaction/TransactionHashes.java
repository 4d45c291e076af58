package org.p1iota.iota.transaction;

import java.util.ArrayList;
import java.util.List;

import org.p1iota.iota.curl.SlicedCurl;

/**
 * Curl-P-81 hashes of transactions (2673 trytes each), 64 at a time on one {@link SlicedCurl}: the hash
 * of every transaction a follower fetches or a node stores. One sliced transform serves 64 transactions
 * where jota's Curl hashes one (jota's was 60 % of a follower's CPU, docs/scaling.md). The trytes go
 * into the lanes directly, without an intermediate trit array.
 */
public final class TransactionHashes {

    public static final int TRANSACTION_TRYTES = 2673;
    private static final int BLOCK_TRYTES = SlicedCurl.RATE / 3;
    private static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** The three balanced trits of each tryte value -13..13 (index value + 13), least significant first. */
    private static final int[][] TRITS = new int[27][3];

    static {
        for (int value = -13; value <= 13; value++) {
            int rest = value;
            for (int k = 0; k < 3; k++) {
                int trit = ((rest % 3) + 4) % 3 - 1;
                TRITS[value + 13][k] = trit;
                rest = (rest - trit) / 3;
            }
        }
    }

    private TransactionHashes() {
    }

    /** The hash of one transaction; prefer {@link #of(List)} for several. */
    public static String of(String transaction) {
        return of(List.of(transaction)).get(0);
    }

    /**
     * The 81-tryte hash of each transaction, in order.
     *
     * @throws IllegalArgumentException when one is not 2673 characters of {@code [9A-Z]}
     */
    public static List<String> of(List<String> transactions) {
        for (String transaction : transactions) {
            if (!isTransaction(transaction)) {
                throw new IllegalArgumentException("not the 2673 trytes of a transaction");
            }
        }
        List<String> hashes = new ArrayList<>(transactions.size());
        SlicedCurl curl = new SlicedCurl(SlicedCurl.ROUNDS_81);
        for (int from = 0; from < transactions.size(); from += SlicedCurl.LANES) {
            List<String> lanes = transactions.subList(from, Math.min(transactions.size(), from + SlicedCurl.LANES));
            curl.clear(0, SlicedCurl.STATE);
            for (int block = 0; block < TRANSACTION_TRYTES; block += BLOCK_TRYTES) {
                absorbBlock(curl, lanes, block);
                curl.transform();
            }
            for (int lane = 0; lane < lanes.size(); lane++) {
                hashes.add(rateTrytes(curl, lane));
            }
        }
        return hashes;
    }

    /** True when the text is exactly 2673 characters of {@code [9A-Z]}. */
    public static boolean isTransaction(String text) {
        if (text == null || text.length() != TRANSACTION_TRYTES) {
            return false;
        }
        for (int i = 0; i < TRANSACTION_TRYTES; i++) {
            char c = text.charAt(i);
            if (c != '9' && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** Balanced value of a tryte: '9' = 0, 'A'..'M' = 1..13, 'N'..'Z' = -13..-1. */
    public static int tryteValue(char tryte) {
        int index = tryte == '9' ? 0 : tryte - 'A' + 1;
        return index > 13 ? index - 27 : index;
    }

    private static void absorbBlock(SlicedCurl curl, List<String> lanes, int block) {
        long[] low = curl.low;
        long[] high = curl.high;
        for (int t = 0; t < SlicedCurl.RATE; t++) {
            low[t] = -1L;
            high[t] = -1L;
        }
        for (int lane = 0; lane < lanes.size(); lane++) {
            String trytes = lanes.get(lane);
            long bit = 1L << lane;
            for (int i = 0; i < BLOCK_TRYTES; i++) {
                int[] trits = TRITS[tryteValue(trytes.charAt(block + i)) + 13];
                for (int k = 0; k < 3; k++) {
                    int trit = trits[k];
                    if (trit == 1) {
                        low[3 * i + k] &= ~bit;
                    } else if (trit == -1) {
                        high[3 * i + k] &= ~bit;
                    }
                }
            }
        }
    }

    private static String rateTrytes(SlicedCurl curl, int lane) {
        char[] hash = new char[BLOCK_TRYTES];
        for (int i = 0; i < BLOCK_TRYTES; i++) {
            int value = curl.get(lane, 3 * i) + 3 * curl.get(lane, 3 * i + 1) + 9 * curl.get(lane, 3 * i + 2);
            hash[i] = ALPHABET.charAt(value < 0 ? value + 27 : value);
        }
        return new String(hash);
    }
}
