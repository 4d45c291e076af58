package org.p1iota.app.node;

import java.nio.file.Path;
import java.util.Set;

/**
 * The node's configuration (properties {@code node.*}).
 *
 * @param dataDirectory         where the H2 database lives
 * @param minWeightMagnitude    hash weight every stored transaction needs (IRI {@code --mwm})
 * @param snapshotTimestamp     seconds; older transaction timestamps are rejected (IRI {@code --snapshot-timestamp})
 * @param maxDepth              largest accepted getTransactionsToApprove depth (IRI {@code --max-depth})
 * @param confirmationApprovers direct approvers after which getInclusionStates reports a transaction included
 * @param powThreads            threads one proof-of-work search uses (0: one per core)
 * @param attachLimits          what one attachToTangle may cost: weight cap, time limit, searches and queue
 * @param trustedHosts          remote addresses allowed to call attachToTangle/interruptAttachingToTangle (loopback always is)
 * @param syncOnCommit          fsync every acknowledged write (survives power loss), not just flush it (survives kill -9)
 */
public record NodeSettings(Path dataDirectory, int minWeightMagnitude, long snapshotTimestamp, int maxDepth,
                           int confirmationApprovers, int powThreads, AttachLimits attachLimits,
                           Set<String> trustedHosts, boolean syncOnCommit) {

    /** IRI's {@code maxBodyLength}. */
    public static final int MAX_BODY_LENGTH = 1_000_000;
    /** IRI's {@code maxRequestsList}. */
    public static final int MAX_REQUESTS_LIST = 1_000;
    /** IRI's {@code maxFindTransactions}. */
    public static final int MAX_FIND_TRANSACTIONS = 100_000;
    /** IRI's {@code maxGetTrytes}. */
    public static final int MAX_GET_TRYTES = 10_000;

    public NodeSettings {
        if (minWeightMagnitude < 0 || minWeightMagnitude > 243) {
            throw new IllegalArgumentException("node.mwm must be 0..243, not " + minWeightMagnitude);
        }
        if (minWeightMagnitude > attachLimits.maxMinWeightMagnitude()) {
            throw new IllegalArgumentException("node.mwm " + minWeightMagnitude + " is above node.max-mwm "
                    + attachLimits.maxMinWeightMagnitude() + ": the node could not attach anything it accepts; raise node.max-mwm");
        }
        trustedHosts = Set.copyOf(trustedHosts);
    }
}
