package org.p1iota.app.tools.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.p1iota.iota.pow.BitslicedProofOfWork;
import org.p1iota.iota.pow.ProofOfWork;

/**
 * The two ways the bench measures an engine that cannot count its own trials (jota's PearlDiver), and
 * time per transaction. Every search gets a fresh random transaction.
 */
final class PowMeasurements {

    private static final String TRYTES = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SplittableRandom random;

    PowMeasurements(long seed) {
        this.random = new SplittableRandom(seed);
    }

    String randomTransaction() {
        StringBuilder text = new StringBuilder(2673);
        for (int i = 0; i < 2673; i++) {
            text.append(TRYTES.charAt(random.nextInt(TRYTES.length())));
        }
        return text.toString();
    }

    /**
     * Trial rate from searches to completion: each candidate's hash ends in {@code mwm} zero trits
     * with probability 3^-mwm, so a completed search costs 3^mwm trials on average and the rate is
     * completed * 3^mwm / time. Unbiased, but noisy: the relative standard error is 1/sqrt(completed).
     * The time includes each search's fixed cost (thread start, absorbing the first 32 blocks).
     */
    Estimate estimateTrialRate(ProofOfWork engine, int mwm, double seconds) throws InterruptedException {
        long budget = (long) (seconds * 1e9);
        long spent = 0;
        int completed = 0;
        long cpuStart = processCpuNanos();
        while (spent < budget) {
            String tx = randomTransaction();
            long start = System.nanoTime();
            engine.search(tx, mwm);
            spent += System.nanoTime() - start;
            completed++;
        }
        double trials = completed * Math.pow(3, mwm);
        return new Estimate(trials * 1e9 / spent, trials * 1e9 / (processCpuNanos() - cpuStart), completed);
    }

    /** Our engine's own count of candidates hashed during a timed search (see {@code countTrials}). */
    Counted countTrialRate(BitslicedProofOfWork engine, double seconds) throws InterruptedException {
        long cpuStart = processCpuNanos();
        BitslicedProofOfWork.TrialCount count = engine.countTrials(randomTransaction(),
                Duration.ofNanos((long) (seconds * 1e9)));
        return new Counted(count.perSecond(), count.trials() * 1e9 / (processCpuNanos() - cpuStart));
    }

    /** Wall time of one search per transaction, sorted ascending (ms). */
    double[] searchTimes(ProofOfWork engine, int mwm, String[] transactions) throws InterruptedException {
        double[] ms = new double[transactions.length];
        for (int i = 0; i < transactions.length; i++) {
            long start = System.nanoTime();
            engine.search(transactions[i], mwm);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /**
     * Our engine on the given transactions, one search each: the sorted wall times (ms) and its exact
     * count of candidates hashed over the total wall time of the searches (fixed costs included), which
     * is the trial rate at that MWM in real use (the last rounds of a search cost less the lower the MWM).
     */
    CountedSearches countedSearches(BitslicedProofOfWork engine, int mwm, String[] transactions)
            throws InterruptedException {
        double[] ms = new double[transactions.length];
        long trials = 0;
        long nanos = 0;
        long cpuStart = processCpuNanos();
        for (int i = 0; i < transactions.length; i++) {
            long start = System.nanoTime();
            trials += engine.searchCounted(transactions[i], mwm).trials();
            long took = System.nanoTime() - start;
            nanos += took;
            ms[i] = took / 1e6;
        }
        Arrays.sort(ms);
        return new CountedSearches(ms, new Counted(trials * 1e9 / nanos, trials * 1e9 / (processCpuNanos() - cpuStart)));
    }

    /** Sorted wall times (ms) of searches and the trial rate counted over them. */
    record CountedSearches(double[] sortedMs, Counted rate) {
    }

    String[] transactions(int count) {
        String[] txs = new String[count];
        for (int i = 0; i < count; i++) {
            txs[i] = randomTransaction();
        }
        return txs;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * CPU time of this whole JVM. Trials per CPU-second hardly depend on what other processes do on
     * a shared machine, unlike trials per wall-clock second; JIT and GC threads are counted too.
     */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A trial rate estimated from {@code completed} searches, per wall-clock and per CPU second. */
    record Estimate(double perSecond, double perCpuSecond, int completed) {
        double relativeError() {
            return 1 / Math.sqrt(completed);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f | %.2f +-%2.0f%% (n=%d)", perSecond / 1e6, perCpuSecond / 1e6,
                    100 * relativeError(), completed);
        }
    }

    /** A counted trial rate, per wall-clock and per CPU second. */
    record Counted(double perSecond, double perCpuSecond) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f | %-9.2f", perSecond / 1e6, perCpuSecond / 1e6);
        }
    }
}
