package org.p1iota.app.node;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.p1iota.camel.iota.pow.TangleAttacher;

/**
 * attachToTangle and interruptAttachingToTangle. Searches run on a fixed pool of
 * {@code maxConcurrentAttaches} threads (each search uses the engine's own threads), so a burst of
 * requests queues instead of oversubscribing the CPU; an interrupt cancels every running search, and
 * the interrupted calls reply with an empty list, as IRI does.
 */
public final class AttachCommands implements AutoCloseable {

    private final TangleAttacher attacher;
    private final TransactionValidator validator;
    private final ExecutorService searches;
    private final Set<Future<List<String>>> running = ConcurrentHashMap.newKeySet();

    public AttachCommands(TangleAttacher attacher, TransactionValidator validator, int maxConcurrentAttaches) {
        this.attacher = attacher;
        this.validator = validator;
        AtomicInteger count = new AtomicInteger();
        this.searches = Executors.newFixedThreadPool(maxConcurrentAttaches, r -> {
            Thread thread = new Thread(r, "node-attach-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void register(Map<String, IriCommand> commands) {
        commands.put("attachToTangle", (request, context) -> attach(request));
        commands.put("interruptAttachingToTangle", (request, context) -> {
            interruptAll();
            return Map.of();
        });
    }

    private Map<String, Object> attach(IriRequest request) throws Exception {
        String trunk = request.hash("trunkTransaction");
        String branch = request.hash("branchTransaction");
        int mwm = request.integer("minWeightMagnitude");
        if (mwm < 0 || mwm > 243) {
            throw IriException.invalid("Invalid minWeightMagnitude input");
        }
        List<String> trytes = request.transactionTrytes("trytes");
        if (trytes.isEmpty()) {
            return Map.of("trytes", List.of());
        }
        List<String> attached = search(() -> attacher.attach(trunk, branch, mwm, trytes));
        for (String result : attached) {
            try {
                validator.validate(result);
            } catch (TransactionValidator.InvalidTransactionException e) {
                throw IriException.invalid(e.getMessage());
            }
        }
        return Map.of("trytes", attached);
    }

    private List<String> search(java.util.concurrent.Callable<List<String>> work) throws InterruptedException {
        Future<List<String>> future = searches.submit(work);
        running.add(future);
        try {
            return future.get();
        } catch (CancellationException e) {
            return List.of();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                return List.of();
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            running.remove(future);
        }
    }

    /** Cancels every running or queued search. */
    public void interruptAll() {
        running.forEach(future -> future.cancel(true));
    }

    @Override
    public void close() {
        interruptAll();
        searches.shutdownNow();
    }
}
