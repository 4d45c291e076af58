package org.p1iota.app.role;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.UsageException;

/**
 * A launcher command that runs a role. Accepts the role's short options (e.g. {@code --port} for
 * {@code node.port}), {@code --data DIR}, {@code --routes DIR}, and any property as
 * {@code --some.property value}.
 */
public abstract class RoleCommand implements Command {

    /** Short options of this role and the property each sets. */
    protected abstract Map<String, String> shortOptions();

    protected abstract Role role();

    /** The role this command runs, for commands that run several roles in one process (the demo). */
    public final Role createRole() {
        return role();
    }

    @Override
    public Kind kind() {
        return Kind.ROLE;
    }

    @Override
    public int run(Arguments args, Console console) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Optional<Path> routes = parse(args.positionals(), properties);
        RoleSettings settings = RoleSettings.load(role().name(), properties);
        new RoleRunner(role(), settings, routes).runUntilStopped();
        return 0;
    }

    /** Fills the property overrides and returns the {@code --routes} directory, if given. */
    public Optional<Path> parse(List<String> words, Map<String, String> properties) throws UsageException {
        Optional<Path> routes = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.length() < 3) {
                throw new UsageException("unexpected argument '" + word + "'");
            }
            String name = word.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < words.size()) {
                value = words.get(++i);
            } else {
                throw new UsageException("option --" + name + " needs a value");
            }
            if (name.equals("routes")) {
                routes = Optional.of(Path.of(value));
            } else if (name.equals("data")) {
                properties.put(RoleSettings.DATA_PROPERTY, value);
            } else if (shortOptions().containsKey(name)) {
                properties.put(shortOptions().get(name), value);
            } else if (name.contains(".")) {
                properties.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return routes;
    }
}
