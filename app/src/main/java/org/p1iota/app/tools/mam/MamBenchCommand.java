package org.p1iota.app.tools.mam;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.iota.mam.ChannelState;
import org.p1iota.iota.mam.CreatedMessage;
import org.p1iota.iota.mam.MamChannel;
import org.p1iota.iota.mam.MamMode;
import org.p1iota.iota.mam.MamParser;
import org.p1iota.iota.mam.MamWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench mam}: median time to create (security 2, count 1, restricted) and to parse a MAM v0
 * message, in memory and through the durable writer (which fsyncs twice per message). Wall time and
 * the thread's CPU time are both shown: on a shared, loaded machine the CPU time is the steadier figure.
 */
@Command(name = "mam", description = {"measure MAM v0 message creation and parsing (median ms)", "",
                "Creates N messages on a restricted channel (count 1, fresh random seed) after a warm-up, then parses",
                "them, and prints the median and 90th percentile in ms: in memory (MamChannel), durable (MamWriter:",
                "create + confirm, each persisted with fsync, in a temporary directory) and parse."})
public final class MamBenchCommand extends CliCommand {

    private static final String ALPHABET = "9ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Option(names = "--runs", paramLabel = "N", description = "messages measured (default ${DEFAULT-VALUE})")
    int runs = 200;

    @Option(names = "--warmup", paramLabel = "N", description = "messages before measuring (default ${DEFAULT-VALUE})")
    int warmup = 50;

    @Option(names = "--message-trytes", paramLabel = "N",
            description = "message length (default ${DEFAULT-VALUE}, about a 1 KB JSON reading)")
    int messageTrytes = 2000;

    @Option(names = "--security", paramLabel = "1|2|3", description = "signature security level (default ${DEFAULT-VALUE})")
    int security = 2;

    @Override
    protected int run(Console console) throws Exception {
        int runs = positive("--runs", this.runs);
        int warmup = Math.max(0, this.warmup);
        if (security < 1 || security > 3) {
            throw usageError("--security must be 1, 2 or 3");
        }
        SecureRandom random = new SecureRandom();
        String message = trytes(random, positive("--message-trytes", messageTrytes));
        String sideKey = trytes(random, 81);
        ChannelState initial = ChannelState.initial(trytes(random, 81), MamMode.RESTRICTED, sideKey, security);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported();
        MamChannel channel = new MamChannel(initial);
        for (int i = 0; i < warmup; i++) {
            channel.create(message);
            channel.advance();
        }
        long[] create = new long[runs];
        long[] createCpu = new long[runs];
        CreatedMessage[] created = new CreatedMessage[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            created[i] = channel.create(message);
            channel.advance();
            create[i] = System.nanoTime() - t0;
            createCpu[i] = cpu ? threads.getCurrentThreadCpuTime() - c0 : 0;
        }
        long[] parse = new long[runs];
        long[] parseCpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            MamParser.parse(created[i].payload(), created[i].root(), sideKey);
            parse[i] = System.nanoTime() - t0;
            parseCpu[i] = cpu ? threads.getCurrentThreadCpuTime() - c0 : 0;
        }
        long[] durable = new long[runs];
        long[] durableCpu = new long[runs];
        Path dir = Files.createTempDirectory("p1iota-bench-mam");
        try (MamWriter writer = MamWriter.open(dir.resolve("bench.json"), initial)) {
            for (int i = 0; i < runs; i++) {
                long c0 = cpu ? threads.getCurrentThreadCpuTime() : 0;
                long t0 = System.nanoTime();
                writer.create(message);
                writer.confirm();
                durable[i] = System.nanoTime() - t0;
                durableCpu[i] = cpu ? threads.getCurrentThreadCpuTime() - c0 : 0;
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        String what = "security " + security + ", count 1, " + message.length() + "-tryte message, " + runs + " runs after "
                + warmup + " warm-up, " + Runtime.getRuntime().availableProcessors() + " cores";
        console.out().println("MAM v0 bench (" + what + ")");
        console.out().println(line("create, in memory", create, cpu ? createCpu : null));
        console.out().println(line("create + confirm, durable", durable, cpu ? durableCpu : null));
        console.out().println(line("parse", parse, cpu ? parseCpu : null));
        return 0;
    }

    private static String line(String what, long[] wall, long[] cpu) {
        String text = String.format(java.util.Locale.ROOT, "  %-27s median %7.2f ms   p90 %7.2f ms", what,
                percentile(wall, 0.5), percentile(wall, 0.9));
        return cpu == null ? text : text + String.format(java.util.Locale.ROOT, "   (cpu median %6.2f ms)", percentile(cpu, 0.5));
    }

    private static double percentile(long[] nanos, double fraction) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] / 1e6;
    }

    private int positive(String option, int value) {
        if (value < 1) {
            throw usageError(option + " must be at least 1");
        }
        return value;
    }

    private static String trytes(SecureRandom random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(27)));
        }
        return out.toString();
    }
}
