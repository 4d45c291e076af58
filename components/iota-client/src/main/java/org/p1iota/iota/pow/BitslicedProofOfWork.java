package org.p1iota.iota.pow;

import java.time.Duration;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.iota.jota.utils.Converter;
import org.p1iota.iota.curl.PackedCurl;

/**
 * The project's proof-of-work engine: a bit-sliced Curl-P-81 nonce search (64 candidates per
 * {@code long}, or one SIMD register per trit with the vector kernel) on several threads, each in its
 * own nonce subspace (see {@link NonceSearchWorker}). The 32 blocks before the nonce's block are
 * absorbed once per search ({@link PackedCurl}); each batch only runs the last block's rounds, and of
 * those only the trits that changed or are checked in the first and last few.
 * <p>
 * A search stops, and all its threads end within one batch (milliseconds), when the calling thread is
 * interrupted, on {@link #cancel()} and on {@link #close()}; the caller then gets an
 * {@link InterruptedException}. Safe for concurrent searches; each uses its own threads. Each search
 * thread's working memory (two arrays of about 0.5 MB with the vector kernel, padded to half a G1
 * region each for alignment, see {@link SlicedStates}) is kept for the next search until {@link #close()}.
 */
public final class BitslicedProofOfWork implements ProofOfWork, AutoCloseable {

    static final int PREFIX_BLOCKS = 32;
    static final int UNREACHABLE_MWM = 40;
    private static final int NONCE_TRYTE_OFFSET = 2646;
    private static final long WORKER_STOP_WAIT_MS = 10_000;
    private static final AtomicInteger SEARCH_SEQUENCE = new AtomicInteger();

    private final int threads;
    private final CurlRound round;
    private final Set<NonceSearchRun> running = ConcurrentHashMap.newKeySet();
    /** Worker storage kept between searches: large, region-aligned arrays are slow to allocate (see SlicedStates). */
    private final Queue<SlicedStates> idleStates = new ConcurrentLinkedQueue<>();
    private final SearchCones cones;
    private volatile boolean closed;

    /** One thread per available core, fastest kernel the runtime offers. */
    public BitslicedProofOfWork() {
        this(0);
    }

    /** @param threads search threads, 1..243; 0 for one per available core */
    public BitslicedProofOfWork(int threads) {
        this(threads, CurlRounds.fastest());
    }

    BitslicedProofOfWork(int threads, CurlRound round) {
        if (threads < 0 || threads > NonceSearchWorker.MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 0 (all cores) to "
                    + NonceSearchWorker.MAX_THREADS + ", got " + threads);
        }
        this.threads = threads == 0
                ? Math.min(Runtime.getRuntime().availableProcessors(), NonceSearchWorker.MAX_THREADS) : threads;
        this.round = round;
        this.cones = new SearchCones(round);
    }

    /** Plain {@code long} kernel only, whatever the runtime offers (for comparison and tests). */
    public static BitslicedProofOfWork scalar(int threads) {
        return new BitslicedProofOfWork(threads, CurlRounds.scalar());
    }

    public int threads() {
        return threads;
    }

    /** The kernel in use, e.g. {@code scalar-64} or {@code vector-512} (candidates per batch per thread). */
    public String kernel() {
        return round.name();
    }

    @Override
    public String search(String transactionTrytes, int minWeightMagnitude) throws InterruptedException {
        return searchCounted(transactionTrytes, minWeightMagnitude).transactionTrytes();
    }

    /** {@link #search} that also reports how many candidates were hashed. */
    public NonceSearchResult searchCounted(String transactionTrytes, int minWeightMagnitude)
            throws InterruptedException {
        TransactionTrytes.requireTransaction(transactionTrytes);
        if (minWeightMagnitude < 0 || minWeightMagnitude > CurlRound.HASH_TRITS) {
            throw new IllegalArgumentException("minWeightMagnitude must be 0.." + CurlRound.HASH_TRITS
                    + ", got " + minWeightMagnitude);
        }
        long start = System.nanoTime();
        if (Thread.interrupted()) {
            throw new InterruptedException("proof of work interrupted before it started");
        }
        if (minWeightMagnitude == 0) {
            return new NonceSearchResult(transactionTrytes, 0, System.nanoTime() - start, round.name());
        }
        NonceSearchRun run = runWorkers(Converter.trits(transactionTrytes), minWeightMagnitude, 0);
        int[] nonce = run.nonce();
        if (nonce == null) {
            throw new ProofOfWorkCancelledException(closed ? "proof of work engine is shut down"
                    : "proof of work cancelled");
        }
        String withNonce = transactionTrytes.substring(0, NONCE_TRYTE_OFFSET) + Converter.trytes(nonce);
        return new NonceSearchResult(withNonce, run.trials(), System.nanoTime() - start, round.name());
    }

    /**
     * Benchmark support: searches at MWM {@value #UNREACHABLE_MWM} (3^40, about 1.2e19 expected trials:
     * never reached) for the given time on all threads and counts the candidates hashed in whole
     * batches. Thread start and prefix absorption are outside the measured interval, so this is the
     * engine's steady trial rate (at MWM 9 to 14 the last rounds are a little cheaper still).
     */
    public TrialCount countTrials(String transactionTrytes, Duration duration) throws InterruptedException {
        TransactionTrytes.requireTransaction(transactionTrytes);
        NonceSearchRun run = runWorkers(Converter.trits(transactionTrytes), UNREACHABLE_MWM,
                Math.max(1, duration.toNanos()));
        return new TrialCount(run.trials(), run.measuredNanos(), threads, round.name());
    }

    /** Candidates hashed in a measured time: {@link #perSecond()} is the trial rate. */
    public record TrialCount(long trials, long nanos, int threads, String kernel) {
        public double perSecond() {
            return trials * 1e9 / nanos;
        }
    }

    /**
     * Absorbs the prefix, runs the workers until a nonce is found, the search is stopped or, when
     * {@code limitNanos > 0}, that time has passed since the workers started.
     */
    private NonceSearchRun runWorkers(int[] trits, int minWeightMagnitude, long limitNanos) throws InterruptedException {
        // the prefix is the same for every candidate: one packed state, not a bit-sliced one
        PackedCurl prefix = new PackedCurl();
        prefix.absorb(trits, 0, PREFIX_BLOCKS * CurlRound.HASH_TRITS);
        int[] prefixState = prefix.trits();
        int[] lastBlock = new int[CurlRound.HASH_TRITS];
        System.arraycopy(trits, PREFIX_BLOCKS * CurlRound.HASH_TRITS, lastBlock, 0, lastBlock.length);

        NonceSearchRun run = new NonceSearchRun(threads);
        Thread[] workers = new Thread[threads];
        SlicedStates[] storage = new SlicedStates[threads];
        int search = SEARCH_SEQUENCE.incrementAndGet();
        for (int i = 0; i < threads; i++) {
            storage[i] = idleStates.poll();
            if (storage[i] == null) {
                storage[i] = new SlicedStates(NonceSearchWorker.statesNeeded(round), round.wordsPerTrit(), true);
            }
            workers[i] = new Thread(new NonceSearchWorker(round, prefixState, lastBlock, i, minWeightMagnitude, run,
                    storage[i], cones), "pow-" + search + "-" + i);
            workers[i].setDaemon(true);
        }
        running.add(run);
        try {
            if (closed) {
                throw new ProofOfWorkCancelledException("proof of work engine is shut down");
            }
            run.markStart();
            for (Thread worker : workers) {
                worker.start();
            }
            if (limitNanos > 0) {
                run.awaitFinished(limitNanos);
            } else {
                run.awaitFinished();
            }
        } finally {
            run.stop();
            joinAll(workers);
            running.remove(run);
            for (int i = 0; i < threads; i++) {
                if (!workers[i].isAlive()) {
                    idleStates.offer(storage[i]); // a worker still running after the wait keeps its own
                }
            }
        }
        if (run.failure() != null) {
            throw new IllegalStateException("proof of work thread failed", run.failure());
        }
        return run;
    }

    /** Stops every search in progress; their callers get a {@link ProofOfWorkCancelledException}. */
    public void cancel() {
        running.forEach(NonceSearchRun::stop);
    }

    /** Stops every search in progress and refuses new ones (route or node shutdown). */
    @Override
    public void close() {
        closed = true;
        cancel();
        idleStates.clear();
    }

    /** Waits for the workers, which poll the stop flag after every batch; keeps the interrupt status. */
    private static void joinAll(Thread[] workers) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WORKER_STOP_WAIT_MS);
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                try {
                    worker.join(left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
