package org.p1iota.app.role;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.LongRunning;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * A launcher command that runs a role until Ctrl-C. Accepts {@code --data DIR}, {@code --routes DIR},
 * the role's short options (annotated setter methods in the subclass, each putting one property, e.g.
 * {@code --port} for {@code node.port}) and any property as {@code --some.property value}.
 */
public abstract class RoleCommand extends CliCommand implements LongRunning {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private Path routes;

    @Unmatched
    private List<String> propertyOptions = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR", order = 0,
            description = "the role's data directory (p1iota.data; default $P1IOTA_DATA/<role>, else p1-iota-data/<role> next to ./p1-iota)")
    void data(String directory) {
        properties.put(RoleSettings.DATA_PROPERTY, directory);
    }

    @Option(names = "--routes", paramLabel = "DIR", order = 90,
            description = "directory holding the role's YAML routes (default: routes/ next to ./p1-iota, else the packaged copy)")
    void routes(Path directory) {
        routes = directory;
    }

    /** Sets a property of the role, for a short option. */
    protected final void property(String name, String value) {
        properties.put(name, value);
    }

    protected abstract Role role();

    /** The role's name, which is also the command's. */
    public final String name() {
        return role().name();
    }

    /** The role this command runs, for commands that run several roles in one process (the demo). */
    public final Role createRole() {
        return role();
    }

    @Override
    protected int run(Console console) throws Exception {
        RoleSettings settings = RoleSettings.load(role().name(), collectProperties());
        new RoleRunner(role(), settings, Optional.ofNullable(routes)).runUntilStopped();
        return 0;
    }

    /**
     * Parses a role's command line without running it (the demo starts roles this way): fills the
     * property overrides and returns the {@code --routes} directory, if given.
     *
     * @throws CommandLine.ParameterException for an unknown option or a missing value
     */
    public Optional<Path> parse(List<String> words, Map<String, String> into) {
        new CommandLine(this).parseArgs(words.toArray(String[]::new));
        into.putAll(collectProperties());
        return Optional.ofNullable(routes);
    }

    /** The short options' properties plus every {@code --name value} whose name has a dot. */
    private Map<String, String> collectProperties() {
        Map<String, String> all = new LinkedHashMap<>(properties);
        for (int i = 0; i < propertyOptions.size(); i++) {
            String word = propertyOptions.get(i);
            if (!word.startsWith("--") || word.length() < 3) {
                throw usageError("unexpected argument '" + word + "'");
            }
            String name = word.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < propertyOptions.size()) {
                value = propertyOptions.get(++i);
            } else {
                throw usageError("option --" + name + " needs a value");
            }
            if (!name.contains(".")) {
                throw usageError("unknown option --" + name);
            }
            all.put(name, value);
        }
        return all;
    }
}
