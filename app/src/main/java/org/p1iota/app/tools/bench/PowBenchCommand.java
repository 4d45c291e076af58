package org.p1iota.app.tools.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;
import org.p1iota.camel.iota.pow.BitslicedProofOfWork;
import org.p1iota.camel.iota.pow.CurlRounds;
import org.p1iota.camel.iota.pow.PearlDiverProofOfWork;

/**
 * {@code p1-iota bench pow}: the project's proof-of-work engine against jota's PearlDiver, side by side
 * in one run. The trial rate (candidate hashes per second) is the stable figure; times per transaction
 * are geometric and only meaningful as medians over many runs.
 */
public final class PowBenchCommand implements Command, OptionSpec {

    static final int RATE_MWM = 10;

    @Override
    public String name() {
        return "bench pow";
    }

    @Override
    public String summary() {
        return "measure proof-of-work trial rates and time per transaction, ours against jota's PearlDiver";
    }

    @Override
    public String usage() {
        return """
                usage: p1-iota bench pow [--seconds N] [--threads N] [--runs N] [--seed N]
                  --seconds N  time per trial-rate measurement (default 8; 6 measurements)
                  --threads N  search threads for the multi-threaded figures (default: all cores)
                  --runs N     searches at MWM 14 per engine (default 10); MWM 9 gets 5x as many
                  --seed N     seed of the random transactions, a whole number (default: time based, printed)
                Trial rate: ours is counted exactly (whole batches hashed in a timed search at MWM 243);
                both engines are also estimated the same way, from searches to completion at MWM 10
                (completed x 3^10 / time, +- 1/sqrt(completed)). The vector kernel needs the JVM option
                --add-modules jdk.incubator.vector (P1IOTA_JAVA_OPTS); without it the plain-long kernel runs.
                Default run time is about 100 s.""";
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("seconds", "threads", "runs", "seed");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        int seconds = positive(args, "seconds", 8);
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = positive(args, "threads", cores);
        int runs = positive(args, "runs", 10);
        long seed = args.has("seed") ? args.getInt("seed", 0) : System.nanoTime();
        PrintStream out = console.out();
        PowMeasurements measure = new PowMeasurements(seed);

        BitslicedProofOfWork probe = new BitslicedProofOfWork(1);
        out.printf(Locale.ROOT, "bench pow: %d cores, load average %.2f, kernel %s%s, seed %d%n", cores, load(),
                probe.kernel(), CurlRounds.vectorAvailable() ? "" : " (vector module absent, see --help)", seed);
        warmUp(measure, threads);

        out.println();
        out.println("trial rate, million candidate hashes per wall-clock second and per CPU second");
        out.printf(Locale.ROOT, "  %-10s %7s %22s %36s%n", "engine", "threads", "counted: wall | cpu",
                "estimated at MWM " + RATE_MWM + ": wall | cpu");
        int[] threadCounts = threads == 1 ? new int[] {1} : new int[] {1, threads};
        for (int t : threadCounts) {
            BitslicedProofOfWork ours = new BitslicedProofOfWork(t);
            long cpuStart = PowMeasurements.processCpuNanos();
            BitslicedProofOfWork.TrialCount counted = ours.countTrials(measure.randomTransaction(),
                    Duration.ofSeconds(seconds));
            double countedPerCpu = counted.trials() * 1e9 / (PowMeasurements.processCpuNanos() - cpuStart);
            PowMeasurements.Estimate oursEstimated = measure.estimateTrialRate(ours, RATE_MWM, seconds);
            PowMeasurements.Estimate pearl = measure.estimateTrialRate(new PearlDiverProofOfWork(t), RATE_MWM, seconds);
            out.printf(Locale.ROOT, "  %-10s %7d %10.2f | %-9.2f %36s%n", "bitsliced", t, counted.perSecond() / 1e6,
                    countedPerCpu / 1e6, estimate(oursEstimated));
            out.printf(Locale.ROOT, "  %-10s %7d %22s %36s%n", "PearlDiver", t, "-", estimate(pearl));
            out.printf(Locale.ROOT, "  ratio at %d thread%s: counted/PearlDiver %.1fx wall, %.1fx cpu;"
                            + " estimated/PearlDiver %.1fx wall, %.1fx cpu%n", t, t == 1 ? "" : "s",
                    counted.perSecond() / pearl.perSecond(), countedPerCpu / pearl.perCpuSecond(),
                    oursEstimated.perSecond() / pearl.perSecond(), oursEstimated.perCpuSecond() / pearl.perCpuSecond());
        }

        out.println();
        out.printf(Locale.ROOT, "time per transaction, %d threads, same random transactions for both (ms)%n", threads);
        BitslicedProofOfWork ours = new BitslicedProofOfWork(threads);
        PearlDiverProofOfWork pearl = new PearlDiverProofOfWork(threads);
        for (int[] mwmRuns : new int[][] {{9, runs * 5}, {14, runs}}) {
            String[] txs = measure.transactions(mwmRuns[1]);
            double[] oursMs = measure.searchTimes(ours, mwmRuns[0], mwmRuns[1], txs);
            double[] pearlMs = measure.searchTimes(pearl, mwmRuns[0], mwmRuns[1], txs);
            out.printf(Locale.ROOT, "  MWM %-2d %3d runs: bitsliced median %9.1f (min %.1f, max %.1f)"
                            + "   PearlDiver median %9.1f (min %.1f, max %.1f)%n",
                    mwmRuns[0], mwmRuns[1], PowMeasurements.median(oursMs), oursMs[0], oursMs[oursMs.length - 1],
                    PowMeasurements.median(pearlMs), pearlMs[0], pearlMs[pearlMs.length - 1]);
        }
        out.printf(Locale.ROOT, "load average at the end %.2f%n", load());
        return 0;
    }

    private static String estimate(PowMeasurements.Estimate e) {
        return String.format(Locale.ROOT, "%.2f | %.2f +-%2.0f%% (n=%d)", e.perSecond() / 1e6,
                e.perCpuSecond() / 1e6, 100 * e.relativeError(), e.completed());
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

    private static int positive(Arguments args, String name, int defaultValue) throws UsageException {
        int value = args.getInt(name, defaultValue);
        if (value < 1) {
            throw new UsageException("option --" + name + " must be at least 1, got " + value);
        }
        return value;
    }
}
