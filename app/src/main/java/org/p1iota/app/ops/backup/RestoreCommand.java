package org.p1iota.app.ops.backup;

import java.nio.file.Path;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.consent.secrets.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./p1-iota restore --role ROLE --from FILE}: a backup into a new, empty data directory. */
@Command(name = "restore", description = {"a backup into a new data directory: the role continues its channel, pairing and grants", "",
        "Restore the newest backup only, taken after the old role stopped for good: a device started from an",
        "older one would publish again at channel indexes it already used."})
public final class RestoreCommand extends CliCommand {

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "whose backup (checked against the file): ${COMPLETION-CANDIDATES}")
    BackupCommand.BackedUpRole role;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "the file ./p1-iota backup wrote")
    Path from;

    @Option(names = "--data", paramLabel = "DIR", description = {"the new data directory, absent or empty (default $P1IOTA_DATA/<role>,",
            "else p1-iota-data/<role>; a service's is /var/lib/p1-iota/<role>: then chown -R p1iota:p1iota it)"})
    String data;

    @Override
    protected int run(Console console) throws Exception {
        Path directory = DataDirectory.resolve(role.name(), data, System.getenv());
        int files = RoleArchive.restore(role.name(), from, directory);
        console.out().println("restored " + files + " files of the " + role + " into " + directory);
        return 0;
    }
}
