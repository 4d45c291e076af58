package org.p1iota.app.node;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * IRI's per-transaction checks (TransactionValidator.runValidation), in IRI's order: timestamp (the
 * attachment timestamp when set, else the timestamp), high value trits, hash weight against the
 * node's MWM, address of value transactions. Bundles, signatures and trunk/branch presence are not
 * checked here, as in IRI.
 */
public final class TransactionValidator {

    /** How far into the future a timestamp may lie: IRI's two hours. */
    static final long MAX_FUTURE_SECONDS = 2 * 60 * 60;

    private final int minWeightMagnitude;
    private final long snapshotTimestamp;
    private final Clock clock;

    public TransactionValidator(int minWeightMagnitude, long snapshotTimestamp, Clock clock) {
        this.minWeightMagnitude = minWeightMagnitude;
        this.snapshotTimestamp = snapshotTimestamp;
        this.clock = clock;
    }

    /** Parses and checks trytes; the message of the exception is IRI's (without the "Error: " prefix). */
    public NodeTransaction validate(String trytes) throws InvalidTransactionException {
        if (!NodeTransaction.isTransactionTrytes(trytes)) {
            throw new InvalidTransactionException("Invalid trytes input");
        }
        return check(NodeTransaction.parse(trytes));
    }

    /** One verdict per input, in order: the transaction, or IRI's message for why it is invalid. */
    public record Verdict(NodeTransaction transaction, String error) {
        public boolean valid() {
            return error == null;
        }
    }

    /** Validates many transactions, hashing the well-formed ones together (much faster than one by one). */
    public List<Verdict> validateAll(List<String> trytes) {
        List<String> wellFormed = trytes.stream().filter(NodeTransaction::isTransactionTrytes).toList();
        Iterator<NodeTransaction> parsed = NodeTransaction.parseAll(wellFormed).iterator();
        List<Verdict> verdicts = new ArrayList<>(trytes.size());
        for (String input : trytes) {
            if (!NodeTransaction.isTransactionTrytes(input)) {
                verdicts.add(new Verdict(null, "Invalid trytes input"));
                continue;
            }
            NodeTransaction transaction = parsed.next();
            try {
                verdicts.add(new Verdict(check(transaction), null));
            } catch (InvalidTransactionException e) {
                verdicts.add(new Verdict(transaction, e.getMessage()));
            }
        }
        return verdicts;
    }

    private NodeTransaction check(NodeTransaction transaction) throws InvalidTransactionException {
        if (!timestampValid(transaction)) {
            throw new InvalidTransactionException("Invalid transaction timestamp.");
        }
        if (!transaction.valueHighTritsZero()) {
            throw new InvalidTransactionException("Invalid transaction value");
        }
        if (transaction.weight() < minWeightMagnitude) {
            throw new InvalidTransactionException("Invalid transaction hash");
        }
        if (transaction.value() != 0 && transaction.addressLastTrit() != 0) {
            throw new InvalidTransactionException("Invalid transaction address");
        }
        return transaction;
    }

    private boolean timestampValid(NodeTransaction transaction) {
        long nowMillis = clock.millis();
        long maxFutureMillis = nowMillis + MAX_FUTURE_SECONDS * 1000;
        if (transaction.attachmentTimestamp() != 0) {
            long attached = transaction.attachmentTimestamp();
            return attached >= snapshotTimestamp * 1000 && attached <= maxFutureMillis;
        }
        // the null hash is the solid entry point and exempt from the lower bound, as in IRI
        boolean aboveSnapshot = transaction.timestamp() >= snapshotTimestamp
                || NodeTransaction.NULL_HASH.equals(transaction.hash());
        return aboveSnapshot && transaction.timestamp() <= maxFutureMillis / 1000;
    }

    /** A transaction IRI would not accept; the message is IRI's. */
    public static final class InvalidTransactionException extends Exception {
        public InvalidTransactionException(String message) {
            super(message, null, false, false);
        }
    }
}
