package org.p1iota.app.node;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Runs attachToTangle searches within {@link AttachLimits}: at most {@code maxConcurrent} search at
 * once (each uses all the engine's threads, so more would only share the cores); up to
 * {@code maxQueued} more wait in arrival order (a fair queue: nobody is overtaken); beyond that the
 * call is refused at once with 503 rather than holding an HTTP thread for an unknown time.
 * <p>
 * The calling (HTTP) thread waits and checks every {@value #CHECK_MILLIS} ms whether the search
 * has run longer than the limit (then it is cancelled and the call answers 400 as IRI answers its own
 * tip-selection timeout) or whether the caller hung up (then it is cancelled, queued or running).
 * Cancelling interrupts the pool thread, which stops the proof-of-work engine within one batch. The
 * time limit counts from the start of the search, not from arrival: a queued call waits at most
 * {@code maxQueued} searches' limits, and its client may hang up meanwhile.
 */
final class AttachSearches implements AutoCloseable {

    static final long CHECK_MILLIS = 100;

    private final AttachLimits limits;
    private final ThreadPoolExecutor pool;
    private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();

    AttachSearches(AttachLimits limits) {
        this.limits = limits;
        BlockingQueue<Runnable> queue = limits.maxQueued() == 0 ? new SynchronousQueue<>(true)
                : new ArrayBlockingQueue<>(limits.maxQueued(), true);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.maxConcurrent(), limits.maxConcurrent(), 0, TimeUnit.MILLISECONDS,
                queue, r -> {
                    Thread thread = new Thread(r, "node-attach-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Runs one search and waits for it.
     *
     * @return the search's result, or an empty list when it was interrupted (interruptAttachingToTangle,
     *         as IRI replies) or the caller hung up (nobody reads the reply)
     * @throws IriException 503 when the queue is full, 400 when the search ran out of time
     */
    List<String> run(Callable<List<String>> search, BooleanSupplier callerGone) throws InterruptedException {
        AtomicLong started = new AtomicLong();
        Future<List<String>> future;
        try {
            future = pool.submit(() -> {
                started.set(System.nanoTime());
                return search.call();
            });
        } catch (RejectedExecutionException e) {
            throw IriException.unavailable("attachToTangle is busy: " + limits.maxConcurrent() + " searching, "
                    + limits.maxQueued() + " waiting; try again later (node.max-queued-attaches)");
        }
        pending.add(future);
        try {
            return await(future, started, callerGone);
        } finally {
            pending.remove(future);
        }
    }

    private List<String> await(Future<List<String>> future, AtomicLong started, BooleanSupplier callerGone)
            throws InterruptedException {
        long limitNanos = limits.timeout().toNanos();
        while (true) {
            try {
                return future.get(CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (callerGone.getAsBoolean()) {
                    cancel(future);
                    return List.of();
                }
                long start = started.get();
                if (start != 0 && System.nanoTime() - start > limitNanos) {
                    cancel(future);
                    throw IriException.badRequest("attachToTangle exceeded timeout of " + limits.timeout().toSeconds()
                            + " seconds (node.attach-timeout-seconds)");
                }
            } catch (CancellationException e) {
                return List.of();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InterruptedException) {
                    return List.of();
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                cancel(future); // the node is stopping
                throw e;
            }
        }
    }

    /** Stops a running search (interrupting its thread stops the engine) or takes a queued one out of the queue. */
    private void cancel(Future<?> future) {
        future.cancel(true);
        pool.remove((Runnable) future);
    }

    /** Cancels every running or queued search (interruptAttachingToTangle). */
    void interruptAll() {
        pending.forEach(this::cancel);
    }

    @Override
    public void close() {
        interruptAll();
        pool.shutdownNow();
    }
}
