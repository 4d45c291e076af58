package org.p1iota.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

import org.p1iota.app.cli.Arguments;
import org.p1iota.app.cli.Command;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.OptionSpec;
import org.p1iota.app.cli.UsageException;

/**
 * Entry point of the runnable jar: {@code p1-iota ROLE|TOOL [options]}. Picks the command whose name
 * matches the most leading words ({@code mam create} before {@code mam}), runs it and exits with its code.
 */
public final class Launcher {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private final List<Command> commands;

    public Launcher(List<Command> commands) {
        this.commands = commands.stream()
                .sorted(Comparator.comparing(Command::kind).thenComparing(Command::name))
                .toList();
    }

    public static Launcher withInstalledCommands() {
        List<Command> found = new ArrayList<>();
        ServiceLoader.load(Command.class).forEach(found::add);
        return new Launcher(found);
    }

    public static void main(String[] args) {
        int code = withInstalledCommands().run(Arrays.asList(args), Console.system());
        // roles return once their Camel context has stopped; tools are done: exit either way so that
        // non-daemon threads of libraries cannot keep a finished tool alive
        System.exit(code);
    }

    public int run(List<String> words, Console console) {
        if (words.isEmpty() || words.get(0).equals("--help") || words.get(0).equals("-h") || words.get(0).equals("help")) {
            printHelp(console);
            return words.isEmpty() ? EXIT_USAGE : EXIT_OK;
        }
        Command command = find(words);
        if (command == null) {
            console.err().println("p1-iota: unknown command '" + String.join(" ", words.subList(0, Math.min(2, words.size())))
                    + "'. Run ./p1-iota --help for the list.");
            return EXIT_USAGE;
        }
        List<String> rest = words.subList(command.name().split(" ").length, words.size());
        if (rest.contains("--help") || rest.contains("-h")) {
            console.out().println(command.usage());
            return EXIT_OK;
        }
        try {
            return command.run(parseFor(command, rest), console);
        } catch (UsageException e) {
            console.err().println("p1-iota " + command.name() + ": " + e.getMessage());
            console.err().println(command.usage());
            return EXIT_USAGE;
        } catch (Exception e) {
            console.err().println("p1-iota " + command.name() + ": " + describe(e));
            return EXIT_FAILURE;
        }
    }

    private static Arguments parseFor(Command command, List<String> rest) throws UsageException {
        if (command instanceof OptionSpec spec) {
            return Arguments.parse(rest, spec.valuedOptions(), spec.switchOptions());
        }
        return Arguments.raw(rest);
    }

    private Command find(List<String> words) {
        Command best = null;
        int bestLength = 0;
        for (Command command : commands) {
            List<String> name = Arrays.asList(command.name().split(" "));
            if (name.size() > bestLength && name.size() <= words.size() && words.subList(0, name.size()).equals(name)) {
                best = command;
                bestLength = name.size();
            }
        }
        return best;
    }

    private void printHelp(Console console) {
        console.out().println("p1-iota: share a smart meter's P1 data over IOTA MAM channels, with consent");
        console.out().println();
        console.out().println("Usage: ./p1-iota ROLE|TOOL [options]    (./p1-iota COMMAND --help for its options)");
        Command.Kind current = null;
        for (Command command : commands) {
            if (command.kind() != current) {
                current = command.kind();
                console.out().println();
                console.out().println(current == Command.Kind.ROLE ? "Roles:" : "Tools:");
            }
            console.out().printf("  %-14s %s%n", command.name(), command.summary());
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
