package org.p1iota.iota.tangle;

import java.util.List;

/**
 * What a send attached and stored: the bundle hash, and the transaction trytes tail first.
 */
public record SentBundle(String bundleHash, String tailHash, List<String> transactionTrytes) {

    public SentBundle {
        transactionTrytes = List.copyOf(transactionTrytes);
    }

    public int transactionCount() {
        return transactionTrytes.size();
    }
}
