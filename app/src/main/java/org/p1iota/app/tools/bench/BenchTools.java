package org.p1iota.app.tools.bench;

import org.p1iota.app.cli.CommandGroup;
import org.p1iota.app.tools.mam.MamBenchCommand;
import org.p1iota.app.tools.p1.P1BenchCommand;
import picocli.CommandLine.Command;

/** {@code ./p1-iota bench}: the benchmarks behind docs/performance.md. */
@Command(name = "bench", description = "benchmarks", synopsisSubcommandLabel = "COMMAND",
        subcommands = {MamBenchCommand.class, NodeBenchCommand.class, P1BenchCommand.class, PowBenchCommand.class,
            ProviderBenchCommand.class})
public final class BenchTools extends CommandGroup {
}
