package org.p1iota.app.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands that read the tangle's shape: getTransactionsToApprove, getTips, getInclusionStates,
 * checkConsistency, and the ledger views getBalances and wereAddressesSpentFrom. See docs/node.md
 * for where this coordinator-less node answers differently from IRI.
 */
public final class TangleCommands {

    private final TangleStore store;
    private final TipSelector tipSelector;
    private final NodeSettings settings;

    public TangleCommands(TangleStore store, TipSelector tipSelector, NodeSettings settings) {
        this.store = store;
        this.tipSelector = tipSelector;
        this.settings = settings;
    }

    public void register(Map<String, IriCommand> commands) {
        commands.put("getTransactionsToApprove", (request, context) -> transactionsToApprove(request));
        commands.put("getTips", (request, context) -> Map.of("hashes", store.tips(NodeSettings.MAX_GET_TRYTES)));
        commands.put("getInclusionStates", (request, context) -> inclusionStates(request));
        commands.put("checkConsistency", (request, context) -> checkConsistency(request));
        commands.put("getBalances", (request, context) -> balances(request));
        commands.put("wereAddressesSpentFrom", (request, context) -> spentFrom(request));
    }

    private Map<String, Object> transactionsToApprove(IriRequest request) throws Exception {
        int depth = request.integer("depth");
        if (depth < 0 || depth > settings.maxDepth()) {
            throw IriException.badRequest("Invalid depth input");
        }
        Optional<String> reference = request.optionalHash("reference");
        TipSelector.Tips tips = tipSelector.select(reference);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("trunkTransaction", tips.trunk());
        reply.put("branchTransaction", tips.branch());
        return reply;
    }

    private Map<String, Object> inclusionStates(IriRequest request) throws Exception {
        List<Boolean> states = new ArrayList<>();
        for (String hash : request.hashes("transactions", "", false)) {
            states.add(store.approvers(hash) >= Math.max(1, settings.confirmationApprovers()));
        }
        return Map.of("states", states);
    }

    private Map<String, Object> checkConsistency(IriRequest request) throws Exception {
        for (String tail : request.hashes("tails", "", false)) {
            Optional<NodeTransaction> transaction = store.transaction(tail);
            if (transaction.isEmpty()) {
                throw IriException.badRequest("Invalid transaction, missing: " + tail);
            }
            if (!transaction.get().isTail()) {
                throw IriException.badRequest("Invalid transaction, not a tail: " + tail);
            }
            if (!known(transaction.get().trunk()) || !known(transaction.get().branch())) {
                return inconsistent("tails are not solid (missing a referenced tx): " + tail);
            }
            if (!tipSelector.isValidTail(tail)) {
                return inconsistent("tails are not consistent (bundle is invalid): " + tail);
            }
        }
        return Map.of("state", true);
    }

    private boolean known(String hash) throws Exception {
        return NodeTransaction.NULL_HASH.equals(hash) || store.approvers(hash) >= 0 || store.isEntryPoint(hash);
    }

    private static Map<String, Object> inconsistent(String info) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("state", false);
        reply.put("info", info);
        return reply;
    }

    /** The node starts from an empty ledger (no snapshot with funds), so every balance is 0. */
    private Map<String, Object> balances(IriRequest request) {
        List<String> addresses = request.hashes("addresses", "", false);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("balances", Collections.nCopies(addresses.size(), "0"));
        reply.put("references", List.of(NodeTransaction.NULL_HASH));
        reply.put("milestoneIndex", 0);
        return reply;
    }

    private Map<String, Object> spentFrom(IriRequest request) throws Exception {
        List<Boolean> states = new ArrayList<>();
        for (String address : request.hashes("addresses", "", false)) {
            states.add(store.spentFrom(address));
        }
        return Map.of("states", states);
    }
}
