package org.p1iota.app.ops.backup;

import java.nio.file.Path;
import java.util.Set;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.consent.secrets.DataDirectory;

/** {@code ./p1-iota restore --role ROLE --from FILE}: a backup into a new, empty data directory. */
public final class RestoreCommand implements Command, OptionSpec {

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String summary() {
        return "a backup into a new data directory: the role continues its channel, pairing and grants";
    }

    @Override
    public String usage() {
        return """
                Usage: ./p1-iota restore --role device|myhome|provider|node --from FILE [--data DIR]
                  --role  whose backup (checked against the file)
                  --from  the file ./p1-iota backup wrote
                  --data  the new data directory, absent or empty (default $P1IOTA_DATA/<role>, else
                          p1-iota-data/<role>; a service's is /var/lib/p1-iota/<role>: then chown -R p1iota:p1iota it)
                Restore the newest backup only, taken after the old role stopped for good: a device started from an
                older one would publish again at channel indexes it already used.""";
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("role", "from", "data");
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        String role = BackupCommand.role(args);
        Path from = Path.of(args.require("from"));
        Path data = DataDirectory.resolve(role, args.get("data"), System.getenv());
        int files = RoleArchive.restore(role, from, data);
        console.out().println("restored " + files + " files of the " + role + " into " + data);
        return 0;
    }
}
