package org.p1iota.app.tools.p1;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;
import org.p1iota.camel.p1.frame.Frame;
import org.p1iota.camel.p1.frame.RejectedFrame;
import org.p1iota.camel.p1.model.Telegram;
import org.p1iota.camel.p1.parse.TelegramDecoder;
import org.p1iota.camel.p1.parse.TelegramListener;

/**
 * {@code bench p1}: parse throughput on one thread. Feeds one DSMR 5 telegram with CRC over and over
 * through framing, CRC check and parsing into the typed model; warms up, then times several rounds
 * and prints the median. Reports both wall-clock and thread-CPU rates: on a shared machine the
 * CPU-time rate is what one core does, the wall rate what this process got.
 */
public final class P1BenchCommand implements Command, OptionSpec {

    @Override
    public String name() {
        return "bench p1";
    }

    @Override
    public String summary() {
        return "measure P1 parse throughput (telegrams/s on one core)";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota bench p1 [--rounds N] [--seconds S] [--warmup S] [--telegram FILE]

                Frames, CRC-checks and parses one DSMR 5 telegram (built in, or the first of FILE) on one
                thread: warm-up, then N timed rounds of S seconds; prints each round and the median.
                Defaults: 7 rounds of 2 s after 8 s of warm-up.""";
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("rounds", "seconds", "warmup", "telegram");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        int rounds = args.getInt("rounds", 7);
        int seconds = args.getInt("seconds", 2);
        int warmup = args.getInt("warmup", 8);
        if (rounds < 1 || seconds < 1 || warmup < 0) {
            throw new UsageException("rounds and seconds must be at least 1, warmup at least 0");
        }
        byte[] telegram = args.has("telegram") ? Files.readAllBytes(Path.of(args.get("telegram"))) : BenchTelegram.dsmr5();
        Counter counter = new Counter();
        TelegramDecoder decoder = new TelegramDecoder(counter, false);
        decoder.feed(telegram, 0, telegram.length);
        if (counter.telegrams != 1 || counter.rejected != 0) {
            console.err().println("p1-iota bench p1: the input must hold exactly one valid telegram (found "
                    + counter.telegrams + ", rejected " + counter.rejected + ")");
            return 1;
        }
        console.out().printf("bench p1: %d-byte DSMR telegram with CRC, framing + CRC + parse to the typed model, one thread%n",
                telegram.length);
        runFor(decoder, telegram, warmup * 1_000_000_000L);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallStart = System.nanoTime();
            long count = runFor(decoder, telegram, seconds * 1_000_000_000L);
            long wallNanos = System.nanoTime() - wallStart;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
            wall[round] = count * 1e9 / wallNanos;
            cpu[round] = count * 1e9 / Math.max(cpuNanos, 1);
            console.out().printf("round %d: %,.0f telegrams/s wall, %,.0f telegrams/s CPU%n", round + 1, wall[round], cpu[round]);
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        console.out().printf("median: %,.0f telegrams/s wall-clock, %,.0f telegrams/s per CPU-second (%d cores, load average %.1f)%n",
                median(wall), median(cpu), Runtime.getRuntime().availableProcessors(), load);
        console.out().printf("checksum %d%n", counter.checksum);
        return 0;
    }

    /** Feeds the telegram again and again for about {@code nanos}; returns how many were parsed. */
    private static long runFor(TelegramDecoder decoder, byte[] telegram, long nanos) {
        long count = 0;
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                decoder.feed(telegram, 0, telegram.length);
            }
            count += 1000;
        }
        return count;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** Consumes each telegram (so the work cannot be optimised away) and counts. */
    private static final class Counter implements TelegramListener {
        long telegrams;
        long rejected;
        long checksum;

        @Override
        public void telegram(Telegram telegram, Frame frame) {
            telegrams++;
            checksum += telegram.obis().getClass().hashCode() + (telegram.timestamp() == null ? 0 : telegram.timestamp().getSecond())
                    + (telegram.mbus() == null ? 0 : telegram.mbus().size());
        }

        @Override
        public void rejected(RejectedFrame frame) {
            rejected++;
        }
    }
}
