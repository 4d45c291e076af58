package org.p1iota.app.ops.backup;

import java.nio.file.Path;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.consent.secrets.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./p1-iota backup --role ROLE --to FILE}: the role's data directory in one file, while the role is stopped. */
@Command(name = "backup", description = {"a stopped role's data directory (seed, state, spool, database) to one file", "",
        "The role must be stopped (sudo systemctl stop p1-iota-<role>): a backup of a running device could",
        "miss its last channel index. Restore with ./p1-iota restore on the new machine."})
public final class BackupCommand extends CliCommand {

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "whose data directory: ${COMPLETION-CANDIDATES}")
    BackedUpRole role;

    @Option(names = "--to", required = true, paramLabel = "FILE",
            description = "the backup file (a zip, written 0600: it holds the role's seed and keys)")
    Path to;

    @Option(names = "--data", paramLabel = "DIR", description = {"the role's data directory (default $P1IOTA_DATA/<role>, else",
            "p1-iota-data/<role>; a service's is /var/lib/p1-iota/<role>)"})
    String data;

    @Override
    protected int run(Console console) throws Exception {
        Path directory = DataDirectory.resolve(role.name(), data, System.getenv());
        int files = RoleArchive.backup(role.name(), directory, to);
        console.out().println("backed up " + files + " files of the " + role + " from " + directory + " to " + to);
        return 0;
    }

    /** The roles that keep a data directory (the demo keeps one per role inside its own). */
    @SuppressWarnings("java:S115") // the constants are the roles' names on the command line
    enum BackedUpRole { device, myhome, provider, node }
}
