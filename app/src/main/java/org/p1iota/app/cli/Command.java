package org.p1iota.app.cli;

/**
 * One subcommand of the {@code p1-iota} launcher: a role (a long-running Camel application) or a tool
 * (runs, prints, exits). Implementations are found with {@link java.util.ServiceLoader}, so a new command
 * is a class plus one line in {@code META-INF/services/org.p1iota.app.cli.Command}.
 */
public interface Command {

    enum Kind { ROLE, TOOL }

    /** The words that select this command, e.g. {@code "node"} or {@code "p1 parse"}. */
    String name();

    /** One line for {@code --help}. */
    String summary();

    /** Full usage text, printed for {@code COMMAND --help} and after a usage error. */
    String usage();

    Kind kind();

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 success, 1 the work could not be done (input unreadable, node
     *         unreachable, ...); usage errors are thrown as {@link UsageException} and exit with 2
     */
    int run(Arguments args, Console console) throws Exception;
}
