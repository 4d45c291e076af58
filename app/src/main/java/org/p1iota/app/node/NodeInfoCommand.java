package org.p1iota.app.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * getNodeInfo with every field jota maps. There is no coordinator: milestones stay the null hash at
 * index 0, as on an IRI testnet before its first milestone.
 */
public final class NodeInfoCommand implements IriCommand {

    static final String APP_NAME = "p1-iota embedded node";
    static final String API_LEVEL = "1.8.6";

    private final TangleStore store;
    private final TanglePruner pruner;

    public NodeInfoCommand(TangleStore store, TanglePruner pruner) {
        this.store = store;
        this.pruner = pruner;
    }

    @Override
    public Map<String, Object> handle(IriRequest request, CallContext context) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("appName", APP_NAME);
        info.put("appVersion", API_LEVEL);
        info.put("jreAvailableProcessors", runtime.availableProcessors());
        info.put("jreFreeMemory", runtime.freeMemory());
        info.put("jreVersion", System.getProperty("java.version"));
        info.put("jreMaxMemory", runtime.maxMemory());
        info.put("jreTotalMemory", runtime.totalMemory());
        info.put("latestMilestone", NodeTransaction.NULL_HASH);
        info.put("latestMilestoneIndex", 0);
        info.put("latestSolidSubtangleMilestone", NodeTransaction.NULL_HASH);
        info.put("latestSolidSubtangleMilestoneIndex", 0);
        info.put("milestoneStartIndex", -1);
        info.put("lastSnapshottedMilestoneIndex", 0);
        info.put("neighbors", 0);
        info.put("packetsQueueSize", 0);
        info.put("time", System.currentTimeMillis());
        info.put("tips", store.tipCount());
        info.put("transactionsToRequest", 0);
        info.put("features", List.of("embedded", "noCoordinator", "WereAddressesSpentFrom"));
        info.put("coordinatorAddress", NodeTransaction.NULL_HASH);
        info.put("dbSizeInBytes", store.sizeInBytes());
        // what this node keeps (not in IRI; jota ignores unknown fields): see docs/node.md, "Retention"
        info.put("retentionSeconds", pruner.retention().toSeconds());
        info.put("storedTransactions", store.transactionCount());
        info.put("oldestTransactionTimestamp", pruner.oldestArrival());
        info.put("prunedTransactions", pruner.prunedTransactions());
        return info;
    }
}
