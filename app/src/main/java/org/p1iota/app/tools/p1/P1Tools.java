package org.p1iota.app.tools.p1;

import org.p1iota.app.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code ./p1-iota p1}: tools for P1 telegrams. */
@Command(name = "p1", description = "P1 telegram tools", synopsisSubcommandLabel = "COMMAND",
        subcommands = {P1ParseCommand.class})
public final class P1Tools extends CommandGroup {
}
