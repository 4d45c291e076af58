package org.p1iota.iota.pow;

/**
 * Finds the nonce of one transaction: the last 27 trytes such that the Curl-P-81 hash of the whole
 * 2673-tryte transaction ends in at least {@code minWeightMagnitude} zero trits.
 * <p>
 * Implementations must be safe to call from several threads and must stop promptly, throwing
 * {@link InterruptedException}, when the calling thread is interrupted: that is how
 * interruptAttachingToTangle and route shutdown cancel a search.
 */
public interface ProofOfWork {

    /**
     * @param transactionTrytes  2673 trytes; the nonce field is overwritten
     * @param minWeightMagnitude trailing zero trits required (0..243)
     * @return the same transaction with the nonce filled in
     */
    String search(String transactionTrytes, int minWeightMagnitude) throws InterruptedException;
}
