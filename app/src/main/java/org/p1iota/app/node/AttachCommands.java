package org.p1iota.app.node;

import java.util.List;
import java.util.Map;

import org.p1iota.iota.pow.TangleAttacher;

/**
 * attachToTangle and interruptAttachingToTangle. A {@code minWeightMagnitude} above
 * {@link AttachLimits#maxMinWeightMagnitude()} is refused with 400 before any work: each step triples
 * the search, and 243 would never end. Searches run in {@link AttachSearches} (bounded in number, queue
 * and time, stopped when the caller hangs up); an interrupt cancels every running search, and the
 * interrupted calls reply with an empty list, as IRI does.
 */
public final class AttachCommands implements AutoCloseable {

    private final TangleAttacher attacher;
    private final TransactionValidator validator;
    private final AttachLimits limits;
    private final AttachSearches searches;

    public AttachCommands(TangleAttacher attacher, TransactionValidator validator, AttachLimits limits) {
        this.attacher = attacher;
        this.validator = validator;
        this.limits = limits;
        this.searches = new AttachSearches(limits);
    }

    public void register(Map<String, IriCommand> commands) {
        commands.put("attachToTangle", this::attach);
        commands.put("interruptAttachingToTangle", (request, context) -> {
            interruptAll();
            return Map.of();
        });
    }

    private Map<String, Object> attach(IriRequest request, IriCommand.CallContext caller) throws Exception {
        String trunk = request.hash("trunkTransaction");
        String branch = request.hash("branchTransaction");
        int mwm = request.integer("minWeightMagnitude");
        if (mwm < 0) {
            throw IriException.invalid("Invalid minWeightMagnitude input");
        }
        if (mwm > limits.maxMinWeightMagnitude()) {
            throw IriException.badRequest("Invalid minWeightMagnitude input: " + mwm + " is above this node's maximum of "
                    + limits.maxMinWeightMagnitude() + " (node.max-mwm)");
        }
        List<String> trytes = request.transactionTrytes("trytes");
        if (trytes.isEmpty()) {
            return Map.of("trytes", List.of());
        }
        List<String> attached = searches.run(() -> attacher.attach(trunk, branch, mwm, trytes), caller.callerGone());
        for (String result : attached) {
            try {
                validator.validate(result);
            } catch (TransactionValidator.InvalidTransactionException e) {
                throw IriException.invalid(e.getMessage());
            }
        }
        return Map.of("trytes", attached);
    }

    /** Cancels every running or queued search. */
    public void interruptAll() {
        searches.interruptAll();
    }

    @Override
    public void close() {
        searches.close();
    }
}
