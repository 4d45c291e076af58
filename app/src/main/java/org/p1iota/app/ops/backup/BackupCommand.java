package org.p1iota.app.ops.backup;

import java.nio.file.Path;
import java.util.Set;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;
import org.p1iota.app.consent.secrets.DataDirectory;

/** {@code ./p1-iota backup --role ROLE --to FILE}: the role's data directory in one file, while the role is stopped. */
public final class BackupCommand implements Command, OptionSpec {

    static final Set<String> ROLES = Set.of("device", "myhome", "provider", "node");

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String summary() {
        return "a stopped role's data directory (seed, state, spool, database) to one file";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota backup --role device|myhome|provider|node --to FILE [--data DIR]
                  --role  whose data directory
                  --to    the backup file (a zip, written 0600: it holds the role's seed and keys)
                  --data  the role's data directory (default $P1IOTA_DATA/<role>, else p1-iota-data/<role>;
                          a service's is /var/lib/p1-iota/<role>)
                The role must be stopped (sudo systemctl stop p1-iota-<role>): a backup of a running device could
                miss its last channel index. Restore with ./p1-iota restore on the new machine.""";
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("role", "to", "data");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        String role = role(args);
        Path to = Path.of(args.require("to"));
        Path data = DataDirectory.resolve(role, args.get("data"), System.getenv());
        int files = RoleArchive.backup(role, data, to);
        console.out().println("backed up " + files + " files of the " + role + " from " + data + " to " + to);
        return 0;
    }

    static String role(Arguments args) throws UsageException {
        String role = args.require("role");
        if (!ROLES.contains(role)) {
            throw new UsageException("--role must be one of device, myhome, provider, node");
        }
        return role;
    }
}
