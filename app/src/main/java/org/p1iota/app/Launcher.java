package org.p1iota.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.p1iota.app.cli.CliCommand;
import org.p1iota.app.cli.Console;
import org.p1iota.app.cli.Exits;
import org.p1iota.app.cli.LongRunning;
import org.p1iota.app.cli.WholeNumber;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Entry point of the runnable jar: {@code p1-iota ROLE|TOOL [options]}, parsed by picocli from
 * {@link P1IotaCommand} and its subcommands. Every command gets {@code -h/--help}; help lists roles and
 * tools apart; usage errors print the message and the command's help on standard error and exit 2;
 * a failure exits 1 with one line {@code p1-iota COMMAND: message}.
 */
public final class Launcher {

    public static final int EXIT_OK = Exits.OK;
    public static final int EXIT_FAILURE = Exits.FAILURE;
    public static final int EXIT_USAGE = Exits.USAGE;

    /** The hand-written usage texts this replaces were about this wide. */
    private static final int HELP_WIDTH = 120;

    private final Supplier<CommandLine> commandLine;

    private Launcher(Supplier<CommandLine> commandLine) {
        this.commandLine = commandLine;
    }

    /** Only the given top-level commands (tests: a command built with its own environment). */
    public Launcher(List<?> commands) {
        this(() -> {
            CommandLine root = new CommandLine(new P1IotaCommand.Bare());
            commands.forEach(root::addSubcommand);
            return root;
        });
    }

    public static Launcher withInstalledCommands() {
        return new Launcher(() -> new CommandLine(new P1IotaCommand()));
    }

    public static void main(String[] args) {
        int code = withInstalledCommands().run(List.of(args), Console.system());
        // roles return once their Camel context has stopped; tools are done: exit either way so that
        // non-daemon threads of libraries cannot keep a finished tool alive
        System.exit(code);
    }

    public int run(List<String> words, Console console) {
        CommandLine root = commandLine.get(); // fresh: picocli keeps the parsed values in the command objects
        PrintWriter out = new PrintWriter(console.out(), true);
        PrintWriter err = new PrintWriter(console.err(), true);
        root.setOut(out).setErr(err)
                .registerConverter(Integer.class, WholeNumber.INT).registerConverter(int.class, WholeNumber.INT)
                .registerConverter(Long.class, WholeNumber.LONG).registerConverter(long.class, WholeNumber.LONG)
                .setParameterExceptionHandler(Launcher::usageError)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + describe(e));
                    return EXIT_FAILURE;
                });
        prepare(root, console);
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commandList(root));
        root.getHelpSectionMap().remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING);
        try {
            return root.execute(words.toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Gives every command the console and a -h/--help option. */
    private static void prepare(CommandLine command, Console console) {
        if (command.getCommand() instanceof CliCommand cli) {
            cli.useConsole(console);
        }
        CommandSpec spec = command.getCommandSpec();
        spec.usageMessage().width(HELP_WIDTH).sortOptions(false); // options in the order each command declares them
        if (spec.findOption("--help") == null && !(command.getCommand() instanceof CommandLine.HelpCommand)) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help and exit").build());
        }
        command.getSubcommands().values().forEach(sub -> prepare(sub, console));
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String message = e.getMessage();
        if (e.getCause() instanceof TypeConversionException conversion && e.getArgSpec() instanceof OptionSpec option) {
            message = option.longestName() + " " + conversion.getMessage();
        }
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + message);
        command.usage(command.getErr());
        return EXIT_USAGE;
    }

    /** Roles and tools apart, a group's subcommands by their full words ({@code p1 parse}). */
    private static String commandList(CommandLine root) {
        StringBuilder roles = new StringBuilder();
        StringBuilder tools = new StringBuilder();
        for (Map.Entry<String, CommandLine> entry : root.getSubcommands().entrySet()) {
            CommandLine command = entry.getValue();
            if (command.getCommand() instanceof CommandLine.HelpCommand) {
                continue;
            }
            StringBuilder list = command.getCommand() instanceof LongRunning ? roles : tools;
            if (command.getSubcommands().isEmpty()) {
                line(list, entry.getKey(), command);
            } else {
                command.getSubcommands().forEach((name, sub) -> line(list, entry.getKey() + " " + name, sub));
            }
        }
        return "%nRoles:%n%s%nTools:%n%s".formatted(roles, tools);
    }

    private static void line(StringBuilder list, String name, CommandLine command) {
        String[] description = command.getCommandSpec().usageMessage().description();
        list.append(String.format("  %-14s %s%n", name, description.length == 0 ? "" : description[0]));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
