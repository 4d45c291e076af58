package org.p1iota.app;

import org.p1iota.app.cli.CommandGroup;
import org.p1iota.app.demo.DemoCommand;
import org.p1iota.app.device.DeviceCommand;
import org.p1iota.app.myhome.MyHomeCommand;
import org.p1iota.app.node.NodeCommand;
import org.p1iota.app.ops.backup.BackupCommand;
import org.p1iota.app.ops.backup.RestoreCommand;
import org.p1iota.app.provider.ProviderCommand;
import org.p1iota.app.tools.bench.BenchTools;
import org.p1iota.app.tools.keys.KeysCommand;
import org.p1iota.app.tools.mam.MamTools;
import org.p1iota.app.tools.p1.P1Tools;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code ./p1-iota}: the launcher's commands. A new command is one class ({@code @Command(name = ...)}
 * extending {@link org.p1iota.app.cli.CliCommand}, or {@link org.p1iota.app.role.RoleCommand} for a role)
 * and one entry in {@code subcommands} below (or in a group's, e.g. {@link BenchTools}).
 */
@Command(name = "p1-iota",
        description = "share a smart meter's P1 data over IOTA MAM channels, with consent",
        synopsisSubcommandLabel = "ROLE|TOOL",
        footer = {"", "./p1-iota COMMAND --help shows a command's options.",
                "Exit status: 0 done, 1 the work could not be done, 2 usage error."},
        subcommands = {
                HelpCommand.class,
                NodeCommand.class,
                DeviceCommand.class,
                MyHomeCommand.class,
                ProviderCommand.class,
                DemoCommand.class,
                P1Tools.class,
                MamTools.class,
                KeysCommand.class,
                BackupCommand.class,
                RestoreCommand.class,
                BenchTools.class,
        })
public final class P1IotaCommand extends CommandGroup {

    /** The launcher without its commands, for a launcher made of given commands ({@link Launcher#Launcher(java.util.List)}). */
    @Command(name = "p1-iota", synopsisSubcommandLabel = "ROLE|TOOL")
    static final class Bare extends CommandGroup {
    }
}
