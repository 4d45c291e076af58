package org.p1iota.iota.transaction;

import java.util.ArrayList;
import java.util.List;

import org.iota.jota.model.Transaction;

/**
 * Turns the trytes a node returned into jota {@link Transaction}s, hashing them together
 * ({@link TransactionHashes}) instead of one jota Curl per {@code new Transaction(trytes)}, which was most
 * of a follower's CPU. Fields are read at the offsets jota's {@code transactionObject} uses. Whatever the
 * node sent that is not a transaction (wrong length or letters, all nines, a value field jota refuses)
 * is left out: the node, or whoever wrote to the tangle, is not trusted to send well-formed trytes.
 */
public final class FetchedTransactions {

    private FetchedTransactions() {
    }

    public static List<Transaction> parse(List<String> trytes) {
        List<String> wellFormed = new ArrayList<>(trytes.size());
        for (String t : trytes) {
            if (TransactionHashes.isTransaction(t) && !isAllNines(t, 0, t.length()) && isAllNines(t, 2279, 2295)) {
                wellFormed.add(t);
            }
        }
        List<String> hashes = TransactionHashes.of(wellFormed);
        List<Transaction> transactions = new ArrayList<>(wellFormed.size());
        for (int i = 0; i < wellFormed.size(); i++) {
            transactions.add(transaction(wellFormed.get(i), hashes.get(i)));
        }
        return transactions;
    }

    private static Transaction transaction(String trytes, String hash) {
        Transaction transaction = new Transaction();
        transaction.setHash(hash);
        transaction.setSignatureFragments(trytes.substring(0, 2187));
        transaction.setAddress(trytes.substring(2187, 2268));
        transaction.setValue(number(trytes, 2268, 11));
        transaction.setObsoleteTag(trytes.substring(2295, 2322));
        transaction.setTimestamp(number(trytes, 2322, 9));
        transaction.setCurrentIndex(number(trytes, 2331, 9));
        transaction.setLastIndex(number(trytes, 2340, 9));
        transaction.setBundle(trytes.substring(2349, 2430));
        transaction.setTrunkTransaction(trytes.substring(2430, 2511));
        transaction.setBranchTransaction(trytes.substring(2511, 2592));
        transaction.setTag(trytes.substring(2592, 2619));
        transaction.setAttachmentTimestamp(number(trytes, 2619, 9));
        transaction.setAttachmentTimestampLowerBound(number(trytes, 2628, 9));
        transaction.setAttachmentTimestampUpperBound(number(trytes, 2637, 9));
        transaction.setNonce(trytes.substring(2646, 2673));
        return transaction;
    }

    /** The balanced ternary number in {@code count} trytes from {@code offset}, least significant first. */
    private static long number(String trytes, int offset, int count) {
        long value = 0;
        for (int i = offset + count - 1; i >= offset; i--) {
            value = value * 27 + TransactionHashes.tryteValue(trytes.charAt(i));
        }
        return value;
    }

    private static boolean isAllNines(String trytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (trytes.charAt(i) != '9') {
                return false;
            }
        }
        return true;
    }
}
