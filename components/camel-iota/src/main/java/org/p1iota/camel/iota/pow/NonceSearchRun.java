package org.p1iota.iota.pow;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the workers of one search share: the stop flag they poll after every batch, the first nonce
 * found, the trials counted and the latch the caller waits on. It opens when a nonce is found, the
 * search is stopped, or the last worker has ended (for instance after a failure).
 */
final class NonceSearchRun {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicReference<int[]> nonce = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger liveWorkers;
    private final LongAdder trials = new LongAdder();
    private volatile boolean stopped;
    private volatile long startNanos;
    private volatile long lastWorkerEndNanos;

    NonceSearchRun(int workers) {
        this.liveWorkers = new AtomicInteger(workers);
    }

    boolean isStopped() {
        return stopped;
    }

    /** The first offer wins and stops everyone; later ones are dropped. */
    void offer(int[] nonceTrits) {
        if (nonce.compareAndSet(null, nonceTrits)) {
            stop();
        }
    }

    void stop() {
        stopped = true;
        finished.countDown();
    }

    void fail(Throwable cause) {
        failure.compareAndSet(null, cause);
        stop();
    }

    void markStart() {
        startNanos = System.nanoTime();
    }

    void workerEnded(long workerTrials) {
        trials.add(workerTrials);
        if (liveWorkers.decrementAndGet() == 0) {
            lastWorkerEndNanos = System.nanoTime();
            finished.countDown();
        }
    }

    void awaitFinished() throws InterruptedException {
        finished.await();
    }

    /** Waits at most the given time; does not stop the workers. */
    void awaitFinished(long nanos) throws InterruptedException {
        finished.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** From {@link #markStart()} until the last worker ended: the time the counted trials took. */
    long measuredNanos() {
        return lastWorkerEndNanos - startNanos;
    }

    int[] nonce() {
        return nonce.get();
    }

    Throwable failure() {
        return failure.get();
    }

    long trials() {
        return trials.sum();
    }
}
