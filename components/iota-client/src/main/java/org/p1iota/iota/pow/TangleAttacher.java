package org.p1iota.iota.pow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.iota.jota.model.Transaction;
import org.p1iota.iota.transaction.TransactionHashes;
import org.p1iota.iota.transaction.FetchedTransactions;

/**
 * attachToTangle as IRI 1.8.6 does it: transactions are processed from the highest currentIndex down;
 * the head gets the given trunk and branch, every other transaction gets the previous one's hash as
 * trunk and the given trunk as branch; an all-9 tag is replaced by the obsoleteTag; the attachment
 * timestamp is now (ms) with bounds 0 and (3^27-1)/2; then the nonce is searched. The result lists the
 * transactions tail first (ascending currentIndex), as IRI replies.
 */
public final class TangleAttacher {

    /** (3^27 - 1) / 2: the largest attachment timestamp upper bound IRI writes. */
    public static final long MAX_TIMESTAMP_VALUE = 3_812_798_742_493L;

    private static final String EMPTY_TAG = "9".repeat(27);

    private final ProofOfWork proofOfWork;
    private final Clock clock;

    public TangleAttacher(ProofOfWork proofOfWork) {
        this(proofOfWork, Clock.systemUTC());
    }

    public TangleAttacher(ProofOfWork proofOfWork, Clock clock) {
        this.proofOfWork = proofOfWork;
        this.clock = clock;
    }

    public List<String> attach(String trunkTransaction, String branchTransaction, int minWeightMagnitude,
                               List<String> transactionTrytes) throws InterruptedException {
        for (String trytes : transactionTrytes) {
            TransactionTrytes.requireTransaction(trytes);
        }
        List<Transaction> ordered = new ArrayList<>(FetchedTransactions.parse(transactionTrytes));
        if (ordered.size() != transactionTrytes.size()) {
            throw new IllegalArgumentException("a transaction to attach is empty or has a value field out of range");
        }
        ordered.sort(Comparator.comparingLong(Transaction::getCurrentIndex).reversed());

        List<String> attached = new ArrayList<>(ordered.size());
        String previousHash = null;
        for (Transaction transaction : ordered) {
            if (previousHash == null) {
                transaction.setTrunkTransaction(trunkTransaction);
                transaction.setBranchTransaction(branchTransaction);
            } else {
                transaction.setTrunkTransaction(previousHash);
                transaction.setBranchTransaction(trunkTransaction);
            }
            if (EMPTY_TAG.equals(transaction.getTag())) {
                transaction.setTag(transaction.getObsoleteTag());
            }
            transaction.setAttachmentTimestamp(clock.millis());
            transaction.setAttachmentTimestampLowerBound(0);
            transaction.setAttachmentTimestampUpperBound(MAX_TIMESTAMP_VALUE);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("attachToTangle interrupted");
            }
            String withNonce = proofOfWork.search(transaction.toTrytes(), minWeightMagnitude);
            previousHash = TransactionHashes.of(withNonce);
            attached.add(withNonce);
        }
        Collections.reverse(attached);
        return attached;
    }
}
