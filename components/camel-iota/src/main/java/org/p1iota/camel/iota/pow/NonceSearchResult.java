package org.p1iota.iota.pow;

/**
 * A finished nonce search.
 *
 * @param transactionTrytes the transaction with its nonce
 * @param trials            candidate nonces hashed, by all threads together (whole batches)
 * @param nanos             wall time of the search, prefix absorption and thread start included
 * @param kernel            the round implementation that ran, e.g. {@code vector-512}
 */
public record NonceSearchResult(String transactionTrytes, long trials, long nanos, String kernel) {
}
