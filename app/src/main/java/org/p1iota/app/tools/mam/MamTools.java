package org.p1iota.app.tools.mam;

import org.p1iota.app.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code ./p1-iota mam}: tools for MAM v0 channels. */
@Command(name = "mam", description = "MAM v0 channel tools", synopsisSubcommandLabel = "COMMAND",
        subcommands = {MamCreateCommand.class, MamParseCommand.class, MamFetchCommand.class})
public final class MamTools extends CommandGroup {
}
