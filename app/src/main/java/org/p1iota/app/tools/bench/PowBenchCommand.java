package org.p1iota.app.tools.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.iota.pow.BitslicedProofOfWork;
import org.p1iota.iota.pow.CurlRounds;
import org.p1iota.iota.pow.PearlDiverProofOfWork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code p1-iota bench pow}: the project's proof-of-work engine against jota's PearlDiver, side by side
 * in one run. The trial rate (candidate hashes per second) is the stable figure; times per transaction
 * are geometric and only meaningful as medians over many runs.
 */
@Command(name = "pow", description = "measure proof-of-work trial rates and time per transaction, ours against jota's PearlDiver",
        footer = {"Per CPU second: trials divided by the CPU time of this JVM, which hardly depends on other",
                "processes on a shared machine (wall-clock rates do).",
                "Trial rate: ours is counted exactly (whole batches hashed in a timed search at MWM 40, never",
                "reached; the scalar-64 row is the same engine forced to its plain-long kernel);",
                "both engines are also estimated the same way, from searches to completion at MWM 10",
                "(completed x 3^10 / time, +- 1/sqrt(completed)). The MWM 9 and 14 searches also report our",
                "exact count over their total time: the trial rate at that MWM in real use, fixed costs included",
                "(the lower the MWM, the fewer last-round trits the engine computes). The vector kernel needs the JVM option",
                "--add-modules jdk.incubator.vector (P1IOTA_JAVA_OPTS); without it the plain-long kernel runs.",
                "Default run time is about 100 s on an idle 2-core machine (PearlDiver's MWM 14 runs dominate);",
                "longer when the machine is busy."})
public final class PowBenchCommand extends CliCommand {

    static final int RATE_MWM = 10;

    @Option(names = "--seconds", paramLabel = "N", description = {"base time of a trial-rate measurement (default ${DEFAULT-VALUE};",
            "PearlDiver gets 2x, as it completes fewer searches; 4.5x in all per thread count)"})
    int seconds = 5;

    @Option(names = "--threads", paramLabel = "N", description = "search threads for the multi-threaded figures (default: all cores)")
    Integer threads;

    @Option(names = "--runs", paramLabel = "N", description = "searches at MWM 14 per engine (default ${DEFAULT-VALUE}); MWM 9 gets 5x as many")
    int runs = 10;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the random transactions, a whole number (default: time based, printed)")
    Long seed;

    @Override
    protected int run(Console console) throws Exception {
        int seconds = positive("--seconds", this.seconds);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = positive("--threads", this.threads == null ? cores : this.threads);
        int runs = positive("--runs", this.runs);
        long seed = this.seed != null ? this.seed : System.nanoTime();
        PrintStream out = console.out();
        PowMeasurements measure = new PowMeasurements(seed);

        BitslicedProofOfWork probe = new BitslicedProofOfWork(1);
        out.printf(Locale.ROOT, "bench pow: %d cores, load average %.2f, kernel %s%s, seed %d%n", cores, load(),
                probe.kernel(), CurlRounds.vectorAvailable() ? "" : " (vector module absent, see --help)", seed);
        warmUp(measure, threads);

        PowMeasurements.Estimate pearlRate = printTrialRates(out, measure, threads, seconds);
        printTimesPerTransaction(out, measure, threads, runs, pearlRate);
        out.printf(Locale.ROOT, "load average at the end %.2f%n", load());
        return 0;
    }

    /** @return PearlDiver's estimated rate at {@code threads} threads */
    private static PowMeasurements.Estimate printTrialRates(PrintStream out, PowMeasurements measure, int threads,
                                                            int seconds) throws InterruptedException {
        PowMeasurements.Estimate pearlAtThreads = null;
        out.println();
        out.println("trial rate, million candidate hashes per wall-clock second | per CPU second");
        out.printf(Locale.ROOT, "  %-11s %7s %22s %36s%n", "engine", "threads", "counted: wall | cpu",
                "estimated at MWM " + RATE_MWM + ": wall | cpu");
        int[] threadCounts = threads == 1 ? new int[] {1} : new int[] {1, threads};
        for (int t : threadCounts) {
            BitslicedProofOfWork ours = new BitslicedProofOfWork(t);
            PowMeasurements.Counted counted = measure.countTrialRate(ours, seconds);
            PowMeasurements.Estimate oursEstimated = measure.estimateTrialRate(ours, RATE_MWM, seconds);
            // PearlDiver completes ~7x fewer searches in the same time: give it twice as long
            PowMeasurements.Estimate pearl = measure.estimateTrialRate(new PearlDiverProofOfWork(t), RATE_MWM,
                    2.0 * seconds);
            out.printf(Locale.ROOT, "  %-11s %7d %22s %36s%n", "bitsliced", t, counted, oursEstimated);
            out.printf(Locale.ROOT, "  %-11s %7d %22s %36s%n", "PearlDiver", t, "-", pearl);
            pearlAtThreads = pearl;
            if (!ours.kernel().startsWith("scalar")) {
                PowMeasurements.Counted plain = measure.countTrialRate(BitslicedProofOfWork.scalar(t), seconds / 2.0);
                out.printf(Locale.ROOT, "  %-11s %7d %22s %36s%n", "  scalar-64", t, plain,
                        "(kernel without the vector module)");
            }
            out.printf(Locale.ROOT, "  ratio at %d thread%s: counted/PearlDiver %.1fx wall, %.1fx cpu;"
                            + " estimated/PearlDiver %.1fx wall, %.1fx cpu%n", t, t == 1 ? "" : "s",
                    counted.perSecond() / pearl.perSecond(), counted.perCpuSecond() / pearl.perCpuSecond(),
                    oursEstimated.perSecond() / pearl.perSecond(), oursEstimated.perCpuSecond() / pearl.perCpuSecond());
        }
        return pearlAtThreads;
    }

    private static void printTimesPerTransaction(PrintStream out, PowMeasurements measure, int threads, int runs,
                                                 PowMeasurements.Estimate pearlRate) throws InterruptedException {
        out.println();
        out.printf(Locale.ROOT, "time per transaction, %d threads, the same random transactions for both (ms)%n",
                threads);
        BitslicedProofOfWork ours = new BitslicedProofOfWork(threads);
        PearlDiverProofOfWork pearl = new PearlDiverProofOfWork(threads);
        for (int[] mwmRuns : new int[][] {{9, runs * 5}, {14, runs}}) {
            String[] txs = measure.transactions(mwmRuns[1]);
            PowMeasurements.CountedSearches oursRuns = measure.countedSearches(ours, mwmRuns[0], txs);
            double[] oursMs = oursRuns.sortedMs();
            double[] pearlMs = measure.searchTimes(pearl, mwmRuns[0], txs);
            out.printf(Locale.ROOT, "  MWM %-2d %3d runs: bitsliced median %8.1f (min %.1f, max %.1f)"
                            + "   PearlDiver median %8.1f (min %.1f, max %.1f)%n",
                    mwmRuns[0], mwmRuns[1], PowMeasurements.median(oursMs), oursMs[0], oursMs[oursMs.length - 1],
                    PowMeasurements.median(pearlMs), pearlMs[0], pearlMs[pearlMs.length - 1]);
            out.printf(Locale.ROOT, "          bitsliced trials counted in these searches (wall | cpu, fixed costs"
                            + " included): %s = %.1fx | %.1fx PearlDiver's rate above%n", oursRuns.rate(),
                    oursRuns.rate().perSecond() / pearlRate.perSecond(), oursRuns.rate().perCpuSecond() / pearlRate.perCpuSecond());
        }
    }

    /** JIT-compiles both engines' hot loops before anything is timed. */
    private static void warmUp(PowMeasurements measure, int threads) throws InterruptedException {
        BitslicedProofOfWork ours = new BitslicedProofOfWork(threads);
        PearlDiverProofOfWork pearl = new PearlDiverProofOfWork(threads);
        for (int i = 0; i < 5; i++) {
            ours.search(measure.randomTransaction(), 10);
            pearl.search(measure.randomTransaction(), 8);
        }
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private int positive(String option, int value) {
        if (value < 1) {
            throw usageError(option + " must be at least 1, got " + value);
        }
        return value;
    }
}
