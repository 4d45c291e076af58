package org.p1iota.iota.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A search at MWM 30 (about 2e14 expected trials: hours) is stopped by each of the three ways, and
 * every worker thread has ended within one second of the stop.
 */
class CancellationTest {

    private static final int UNREACHABLE_MWM = 30;
    private static final Duration BOUND = Duration.ofSeconds(1);

    private static List<Thread> powWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("pow-") && t.isAlive())
                .collect(Collectors.toList());
    }

    /** Starts a search on its own thread, waits until its workers run, applies the stop, checks the end. */
    private void stopsWithinBound(BitslicedProofOfWork pow, Consumer<Thread> stop) throws Exception {
        String tx = JotaCurlCheck.randomTransaction(new Random(67));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                pow.search(tx, UNREACHABLE_MWM);
                outcome.set(new AssertionError("search at MWM 30 finished"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "pow-test-caller");
        caller.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> powWorkers().stream()
                .filter(t -> !t.getName().equals("pow-test-caller")).count() == pow.threads());
        List<Thread> workers = powWorkers();
        long stoppedAt = System.nanoTime();
        stop.accept(caller);
        caller.join(BOUND.toMillis());
        for (Thread worker : workers) {
            worker.join(Math.max(1, BOUND.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt)));
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stoppedAt);
        assertThat(workers).as("threads still alive %d ms after the stop", took).noneMatch(Thread::isAlive);
        assertThat(caller.isAlive()).isFalse();
        assertThat(took).isLessThanOrEqualTo(BOUND.toMillis());
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void interruptOfTheCallerStopsAllThreads() throws Exception {
        stopsWithinBound(new BitslicedProofOfWork(2), Thread::interrupt);
    }

    @Test
    void explicitCancelStopsAllThreads() throws Exception {
        BitslicedProofOfWork pow = new BitslicedProofOfWork(3);
        stopsWithinBound(pow, caller -> pow.cancel());
        // the engine remains usable after a cancel
        String tx = JotaCurlCheck.randomTransaction(new Random(68));
        assertThat(JotaCurlCheck.trailingZeroTrits(JotaCurlCheck.hashTrits(pow.search(tx, 5)))).isGreaterThanOrEqualTo(5);
    }

    @Test
    void closeStopsAllThreadsAndRefusesNewSearches() throws Exception {
        BitslicedProofOfWork pow = BitslicedProofOfWork.scalar(2);
        stopsWithinBound(pow, caller -> pow.close());
        String tx = JotaCurlCheck.randomTransaction(new Random(69));
        CompletableFuture<String> later = CompletableFuture.supplyAsync(() -> {
            try {
                return pow.search(tx, 5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(later).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingRootCause().isInstanceOf(ProofOfWorkCancelledException.class).withMessageContaining("shut down");
        assertThat(powWorkers()).isEmpty();
    }
}
