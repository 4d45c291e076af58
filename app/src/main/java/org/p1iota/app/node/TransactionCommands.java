package org.p1iota.app.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * storeTransactions (validate all, then store all, or nothing), broadcastTransactions (store the
 * valid ones, drop the rest silently; there are no neighbours to forward to) and getTrytes.
 */
public final class TransactionCommands {

    private final TangleStore store;
    private final TransactionValidator validator;

    public TransactionCommands(TangleStore store, TransactionValidator validator) {
        this.store = store;
        this.validator = validator;
    }

    public void register(Map<String, IriCommand> commands) {
        commands.put("storeTransactions", (request, context) -> store(request));
        commands.put("broadcastTransactions", (request, context) -> broadcast(request));
        commands.put("getTrytes", (request, context) -> getTrytes(request));
    }

    private Map<String, Object> store(IriRequest request) throws Exception {
        List<NodeTransaction> valid = new ArrayList<>();
        for (TransactionValidator.Verdict verdict : validator.validateAll(request.strings("trytes"))) {
            if (!verdict.valid()) {
                throw IriException.badRequest("Error: " + verdict.error());
            }
            valid.add(verdict.transaction());
        }
        store.store(valid);
        return Map.of();
    }

    private Map<String, Object> broadcast(IriRequest request) throws Exception {
        // IRI's gossip pipeline drops invalid transactions without telling the sender
        store.store(validator.validateAll(request.transactionTrytes("trytes")).stream()
                .filter(TransactionValidator.Verdict::valid).map(TransactionValidator.Verdict::transaction).toList());
        return Map.of();
    }

    private Map<String, Object> getTrytes(IriRequest request) throws Exception {
        List<String> hashes = request.hashes("hashes", "", false);
        if (hashes.size() > NodeSettings.MAX_GET_TRYTES) {
            throw IriException.badRequest("Could not complete request");
        }
        List<String> trytes = store.trytes(hashes);
        trytes.replaceAll(t -> t == null ? NodeTransaction.EMPTY_TRYTES : t);
        return Map.of("trytes", trytes);
    }
}
