package org.p1iota.app.tools.p1;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.demo.MeterTelegrams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench p1}: parse throughput on one thread. By default feeds the demo meter's DSMR 5 telegrams
 * with CRC (a real Iskra AM550 capture with its clock, registers and gas meter advancing every second,
 * see {@link MeterTelegrams}) one after the other through framing, CRC check and parsing into the typed
 * model, as they would arrive from a port; {@code --telegram} repeats one telegram instead (an upper
 * bound: no value ever changes) and {@code
 * --capture} replays a capture file as a stream. Warms up, then times several rounds and prints the
 * median, per wall-clock second and per CPU-second of the thread: on a shared machine the CPU-time rate
 * is what one core does, the wall rate what this process got.
 */
@Command(name = "p1", description = {"measure P1 parse throughput (telegrams/s on one core)", "",
                "Frames, CRC-checks and parses P1 telegrams into the typed model on one thread: warm-up, then",
                "N timed rounds of S seconds; prints each round and the median, per wall-clock second and per",
                "CPU-second of the thread (the figure for one core on a shared machine).",
                "Default input: a meter, 300 successive DSMR 5 telegrams with CRC of the demo's Iskra AM550 (a real",
                "capture, time, registers and gas advancing each second), fed one at a time as a port delivers them."})
public final class P1BenchCommand extends CliCommand {

    /**
     * The capture's 300 telegrams, five minutes of the meter: 265 KB, so the input stays in the CPU's
     * caches as a port's small read buffer does (900 telegrams measured about 10 % slower, the bytes
     * coming from further away than a port would deliver them).
     */
    private static final int METER_TELEGRAMS = 300;

    @Option(names = "--rounds", paramLabel = "N", description = "timed rounds (default ${DEFAULT-VALUE})")
    int rounds = 7;

    @Option(names = "--seconds", paramLabel = "S", description = "seconds per round (default ${DEFAULT-VALUE})")
    int seconds = 2;

    @Option(names = "--warmup", paramLabel = "S", description = "seconds of warm-up (default ${DEFAULT-VALUE})")
    int warmup = 8;

    @Option(names = "--telegram", paramLabel = "FILE", description = {"FILE, which must hold exactly one valid telegram, fed again",
            "and again; an upper bound: no value ever changes"})
    String telegram;

    @Option(names = "--capture", paramLabel = "FILE", description = {"a raw capture (any number of telegrams, noise between them)",
            "fed as a stream in 16 KiB reads, again and again: real, changing values"})
    String capture;

    @Override
    protected int run(Console console) throws Exception {
        if (rounds < 1 || seconds < 1 || warmup < 0) {
            throw usageError("rounds and seconds must be at least 1, warmup at least 0");
        }
        if (telegram != null && capture != null) {
            throw usageError("--telegram or --capture, not both");
        }
        String file = capture != null ? capture : telegram;
        BenchWorkload workload;
        if (file == null) {
            workload = meterWorkload(console);
        } else {
            byte[] input;
            try {
                input = Files.readAllBytes(Path.of(file));
            } catch (IOException e) {
                console.err().println("p1-iota bench p1: cannot read " + file + " (" + e + ")");
                return 1;
            }
            workload = capture != null ? captureWorkload(file, input, console) : telegramWorkload(input, console);
        }
        if (workload == null) {
            return 1;
        }
        runFor(workload, warmup * 1_000_000_000L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            long count = runFor(workload, seconds * 1_000_000_000L);
            long wallNanos = System.nanoTime() - wallStart;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
            wall[round] = count * 1e9 / wallNanos;
            cpu[round] = count * 1e9 / Math.max(cpuNanos, 1);
            console.out().printf("round %d: %,.0f telegrams/s wall, %,.0f telegrams/s CPU%n", round + 1, wall[round], cpu[round]);
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        console.out().printf("median: %,.0f telegrams/s wall-clock, %,.0f telegrams/s per CPU-second (%d cores, load average %.1f)%n",
                median(wall), median(cpu), Runtime.getRuntime().availableProcessors(), load);
        console.out().printf("checksum %d%n", workload.counter().checksum());
        return 0;
    }

    private static BenchWorkload meterWorkload(Console console) {
        MeterTelegrams meter = MeterTelegrams.demoCapture();
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 10, 12, 0, 0, 0, MeterTelegrams.METER_ZONE);
        List<byte[]> telegrams = new ArrayList<>();
        for (int sent = 0; sent < METER_TELEGRAMS; sent++) {
            telegrams.add(meter.telegram(sent, start.plusSeconds(sent), start));
        }
        BenchWorkload workload = BenchWorkload.meter(telegrams);
        workload.step();
        TelegramCounter counter = workload.counter();
        if (counter.telegrams() != 1000 || counter.rejected() != 0) {
            throw new IllegalStateException("the demo meter's telegrams must all be valid (rejected " + counter.rejected() + ")");
        }
        console.out().printf("bench p1: a DSMR 5 meter, %d successive telegrams with CRC (%d bytes on average) of the demo's Iskra AM550,"
                + " fed one at a time; framing + CRC + parse to the typed model, one thread%n", telegrams.size(),
                workload.inputLength() / telegrams.size());
        return workload;
    }

    private static BenchWorkload telegramWorkload(byte[] telegram, Console console) {
        BenchWorkload workload = BenchWorkload.repeated(telegram);
        workload.step();
        TelegramCounter counter = workload.counter();
        if (counter.telegrams() != 1000 || counter.rejected() != 0) {
            console.err().println("p1-iota bench p1: the input must hold exactly one valid telegram (found "
                    + counter.telegrams() / 1000.0 + ", rejected " + counter.rejected() / 1000.0 + " per feed)");
            return null;
        }
        console.out().printf("bench p1: one %d-byte telegram fed again and again (an upper bound: no value changes);"
                + " framing + CRC + parse to the typed model, one thread%n", telegram.length);
        return workload;
    }

    private static BenchWorkload captureWorkload(String file, byte[] capture, Console console) {
        BenchWorkload workload = BenchWorkload.capture(capture);
        long telegrams = workload.step();
        long rejected = workload.counter().rejected();
        if (telegrams == 0) {
            console.err().println("p1-iota bench p1: no valid telegram in " + file + " (" + rejected + " rejected frames)");
            return null;
        }
        console.out().printf("bench p1: capture %s, %,d bytes: %d telegrams and %d rejected frames per pass, fed in %d-byte reads;"
                + " framing + CRC + parse to the typed model, one thread%n", file, workload.inputLength(), telegrams, rejected,
                BenchWorkload.CHUNK);
        return workload;
    }

    /** Runs steps for about {@code nanos}; returns how many telegrams were parsed. */
    private static long runFor(BenchWorkload workload, long nanos) {
        long count = 0;
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            count += workload.step();
        }
        return count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
